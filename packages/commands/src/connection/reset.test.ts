// RESET returns a connection to the state of a new one, as Redis's clearClientConnectionState.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RESET', () => {
  it('answers +RESET and clears db, protocol, name, transaction and reply mode', () => {
    const c = new Harness().client();
    c.call('SELECT', 3);
    c.call('HELLO', 3);
    c.call('CLIENT', 'SETNAME', 'app');
    c.call('MULTI');
    c.call('SET', 'k', 'v');
    expect(c.raw('RESET')).toBe('+RESET\r\n');
    expect(c.session.db.id).toBe(0);
    expect(c.session.resp).toBe(2);
    expect(c.call('CLIENT', 'GETNAME')).toBeNull();
    expect(c.call('EXEC')).toEqual({ error: 'ERR EXEC without MULTI' });
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('turns CLIENT REPLY OFF back on', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'OFF');
    expect(c.call('RESET')).toEqual({ simple: 'RESET' });
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('after CLIENT REPLY SKIP its own reply is the one skipped', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'SKIP');
    expect(c.send('RESET')).toEqual([]);
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('drops subscriptions and watched keys without notifications', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SUBSCRIBE', 'ch');
    expect(c.send('RESET')).toEqual([{ simple: 'RESET' }]);
    expect(h.client().call('PUBLISH', 'ch', 'm')).toBe(0);
    c.call('WATCH', 'k');
    c.call('RESET');
    h.client().call('SET', 'k', 'x');
    c.call('MULTI');
    c.call('SET', 'k', 'mine');
    expect(c.call('EXEC')).toEqual([{ simple: 'OK' }]);
  });

  it('deauthenticates when a password is required', () => {
    const c = new Harness({ config: { requirepass: 'pw' } }).client();
    c.call('AUTH', 'pw');
    expect(c.call('RESET')).toEqual({ simple: 'RESET' });
    expect(c.call('GET', 'k')).toEqual({ error: 'NOAUTH Authentication required.' });
  });

  it('stops MONITOR', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    m.call('RESET');
    h.client().call('SET', 'k', 'v');
    expect(m.drain()).toEqual([]);
  });
});
