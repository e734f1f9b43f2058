// CLIENT KILL in its old (address) and new (filters) forms, as Redis 7.0 answers them.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('CLIENT KILL', () => {
  it('the old form kills by address and answers +OK, or an error when none matches', () => {
    const h = new Harness();
    const c = h.client('127.0.0.1:1000');
    const victim = h.client('127.0.0.1:2000');
    expect(c.call('CLIENT', 'KILL', '127.0.0.1:2000')).toEqual({ simple: 'OK' });
    expect(victim.closed).toBe(true);
    expect(h.core.clients.get(victim.session.id)).toBeUndefined();
    expect(c.call('CLIENT', 'KILL', '127.0.0.1:2000')).toEqual({ error: 'ERR No such client' });
  });

  it('the old form can kill the caller, after its +OK', () => {
    const h = new Harness();
    const c = h.client('127.0.0.1:1000');
    expect(c.raw('CLIENT', 'KILL', '127.0.0.1:1000')).toBe('+OK\r\n');
    expect(c.closed).toBe(true);
  });

  it('the new form answers how many clients it killed, skipping the caller by default', () => {
    const h = new Harness();
    const c = h.client('127.0.0.1:1000');
    const a = h.client('127.0.0.1:2000');
    const b = h.client('127.0.0.1:3000');
    expect(c.call('CLIENT', 'KILL', 'ID', a.session.id)).toBe(1);
    expect(a.closed).toBe(true);
    expect(b.closed).toBe(false);
    expect(c.call('CLIENT', 'KILL', 'ADDR', '127.0.0.1:1000')).toBe(0);
    expect(c.call('CLIENT', 'KILL', 'LADDR', '127.0.0.1:6379')).toBe(1);
    expect(b.closed).toBe(true);
    expect(c.closed).toBe(false);
  });

  it('SKIPME no kills the caller too, after its reply', () => {
    const h = new Harness();
    const c = h.client();
    const other = h.client();
    expect(c.raw('CLIENT', 'KILL', 'USER', 'default', 'SKIPME', 'no')).toBe(':2\r\n');
    expect(other.closed).toBe(true);
    expect(c.closed).toBe(true);
  });

  it('TYPE selects pubsub or normal clients', () => {
    const h = new Harness();
    const c = h.client();
    const sub = h.client();
    sub.call('SUBSCRIBE', 'ch');
    const plain = h.client();
    expect(c.call('CLIENT', 'KILL', 'TYPE', 'pubsub')).toBe(1);
    expect(sub.closed).toBe(true);
    expect(h.client().call('PUBLISH', 'ch', 'x')).toBe(0);
    expect(c.call('CLIENT', 'KILL', 'TYPE', 'normal', 'ID', plain.session.id)).toBe(1);
    expect(c.call('CLIENT', 'KILL', 'TYPE', 'master')).toBe(0);
  });

  it('rejects bad filters with Redis texts', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'KILL')).toEqual({ error: "ERR wrong number of arguments for 'client|kill' command" });
    expect(c.call('CLIENT', 'KILL', 'ID', 10, 'wrong_arg')).toEqual({ error: 'ERR syntax error' });
    for (const id of ['str', '-1', '0']) {
      expect(c.call('CLIENT', 'KILL', 'ID', id)).toEqual({ error: 'ERR client-id should be greater than 0' });
    }
    expect(c.call('CLIENT', 'KILL', 'TYPE', 'wrong_type')).toEqual({ error: "ERR Unknown client type 'wrong_type'" });
    expect(c.call('CLIENT', 'KILL', 'USER', 'wrong_user')).toEqual({ error: "ERR No such user 'wrong_user'" });
    expect(c.call('CLIENT', 'KILL', 'SKIPME', 'yes_or_no')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('CLIENT', 'KILL', 'FOO', 'bar')).toEqual({ error: 'ERR syntax error' });
  });
});
