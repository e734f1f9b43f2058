// CLIENT REPLY ON/OFF/SKIP silences replies exactly as Redis's introspection tests expect.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('CLIENT REPLY', () => {
  it('OFF silences every reply until ON, which answers +OK', () => {
    const c = new Harness().client();
    expect(c.send('CLIENT', 'REPLY', 'OFF')).toEqual([]);
    expect(c.send('PING', 'pong')).toEqual([]);
    expect(c.send('SET', 'k', 'v')).toEqual([]);
    expect(c.send('CLIENT', 'REPLY', 'ON')).toEqual([{ simple: 'OK' }]);
    expect(c.call('PING', 'pong3')).toBe('pong3');
    expect(c.call('GET', 'k')).toBe('v');
  });

  it('SKIP silences only the next command', () => {
    const c = new Harness().client();
    expect(c.send('CLIENT', 'REPLY', 'SKIP')).toEqual([]);
    expect(c.send('PING', 'pong')).toEqual([]);
    expect(c.call('PING', 'pong2')).toBe('pong2');
  });

  it('ON right after SKIP answers +OK and clears the skip', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'SKIP');
    expect(c.send('CLIENT', 'REPLY', 'ON')).toEqual([{ simple: 'OK' }]);
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('two SKIPs in a row still skip a single reply', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'SKIP');
    c.send('CLIENT', 'REPLY', 'SKIP');
    expect(c.send('PING', 'b')).toEqual([]);
    expect(c.call('PING', 'c')).toBe('c');
  });

  it('SKIP while OFF changes nothing', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'OFF');
    c.send('CLIENT', 'REPLY', 'SKIP');
    expect(c.send('PING', 'x')).toEqual([]);
    expect(c.send('CLIENT', 'REPLY', 'ON')).toEqual([{ simple: 'OK' }]);
    expect(c.call('PING', 'y')).toBe('y');
  });

  it('errors are silenced too, and a bad mode is a syntax error', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'REPLY', 'maybe')).toEqual({ error: 'ERR syntax error' });
    c.send('CLIENT', 'REPLY', 'OFF');
    expect(c.send('NOSUCHCOMMAND')).toEqual([]);
  });
});
