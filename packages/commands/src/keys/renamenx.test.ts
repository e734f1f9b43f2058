// RENAMENX renames only when the new name is free, answering 1 or 0.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RENAMENX', () => {
  it('renames onto a free name and answers 1', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'foobar');
    expect(c.call('RENAMENX', 'a', 'b')).toBe(1);
    expect(c.call('GET', 'b')).toBe('foobar');
    expect(c.call('EXISTS', 'a')).toBe(0);
  });

  it('answers 0 and changes nothing when the new name exists', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'foo');
    c.call('SET', 'b', 'bar');
    expect(c.call('RENAMENX', 'a', 'b')).toBe(0);
    expect([c.call('GET', 'a'), c.call('GET', 'b')]).toEqual(['foo', 'bar']);
  });

  it('answers 0 for an existing key onto itself and ERR no such key for a missing one', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'foo');
    expect(c.call('RENAMENX', 'a', 'a')).toBe(0);
    expect(c.call('RENAMENX', 'nokey', 'nokey')).toEqual({ error: 'ERR no such key' });
  });

  it('treats an expired destination as free', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '2', 'PX', 10);
    h.advance(10);
    expect(c.call('RENAMENX', 'a', 'b')).toBe(0);
    h.advance(1);
    expect(c.call('RENAMENX', 'a', 'b')).toBe(1);
    expect(c.call('GET', 'b')).toBe('1');
  });
});
