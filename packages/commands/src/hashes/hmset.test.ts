// HMSET sets pairs like HSET but answers OK, with its own arity error.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HMSET', () => {
  it('sets every pair and answers OK', () => {
    const c = new Harness().client();
    expect(c.call('HMSET', 'h', 'a', '1', 'b', '2')).toEqual({ simple: 'OK' });
    expect(c.call('HMSET', 'h', 'a', '3')).toEqual({ simple: 'OK' });
    expect(c.call('HMGET', 'h', 'a', 'b')).toEqual(['3', '2']);
  });

  it('names itself in the arity error', () => {
    const c = new Harness().client();
    expect(c.call('HMSET', 'h', 'a', '1', 'b')).toEqual({ error: "ERR wrong number of arguments for 'hmset' command" });
    expect(c.call('HMSET', 'h')).toEqual({ error: "ERR wrong number of arguments for 'hmset' command" });
  });

  it('emits hset and answers WRONGTYPE against another type', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eh' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:hset');
    c.call('HMSET', 'h', 'a', '1');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:hset', 'h']]);
    c.call('SET', 's', 'v');
    expect(c.call('HMSET', 's', 'a', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
