// AUTH checks the default user's password (requirepass) with Redis 7.0's replies.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGPASS = { error: 'WRONGPASS invalid username-password pair or user is disabled.' };

describe('AUTH', () => {
  it('without requirepass, the one-argument form is a configuration error', () => {
    const c = new Harness().client();
    expect(c.call('AUTH', 'x')).toEqual({
      error: 'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
    });
  });

  it('without requirepass, the default user accepts any password', () => {
    const c = new Harness().client();
    expect(c.call('AUTH', 'default', 'anything')).toEqual({ simple: 'OK' });
    expect(c.call('AUTH', 'someone', 'anything')).toEqual(WRONGPASS);
  });

  it('with requirepass, commands wait for the right password', () => {
    const c = new Harness({ config: { requirepass: 'secret' } }).client();
    expect(c.call('GET', 'k')).toEqual({ error: 'NOAUTH Authentication required.' });
    expect(c.call('AUTH', 'wrong')).toEqual(WRONGPASS);
    expect(c.call('GET', 'k')).toEqual({ error: 'NOAUTH Authentication required.' });
    expect(c.call('AUTH', 'secret')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('accepts the username form for the default user only', () => {
    const h = new Harness({ config: { requirepass: 'secret' } });
    expect(h.client().call('AUTH', 'default', 'secret')).toEqual({ simple: 'OK' });
    expect(h.client().call('AUTH', 'nouser', 'secret')).toEqual(WRONGPASS);
  });

  it('rejects more than two arguments as a syntax error', () => {
    const c = new Harness({ config: { requirepass: 'secret' } }).client();
    expect(c.call('AUTH', 'a', 'b', 'c')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('AUTH')).toEqual({ error: "ERR wrong number of arguments for 'auth' command" });
  });

  it('a failed AUTH leaves an authenticated client authenticated', () => {
    const c = new Harness({ config: { requirepass: 'secret' } }).client();
    c.call('AUTH', 'secret');
    expect(c.call('AUTH', 'wrong')).toEqual(WRONGPASS);
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });
});
