// HSETNX sets a field only when absent, converting and notifying only when it writes.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HSETNX', () => {
  it('sets a missing field and refuses an existing one', () => {
    const c = new Harness().client();
    expect(c.call('HSETNX', 'h', 'a', '1')).toBe(1);
    expect(c.call('HSETNX', 'h', 'a', '2')).toBe(0);
    expect(c.call('HGET', 'h', 'a')).toBe('1');
  });

  it('does not convert when it refuses, converts on a long value when it writes', () => {
    const c = new Harness({ config: { 'hash-max-listpack-value': '4' } }).client();
    c.call('HSET', 'h', 'a', '1');
    expect(c.call('HSETNX', 'h', 'a', 'longvalue')).toBe(0);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('listpack');
    expect(c.call('HSETNX', 'h', 'b', 'longvalue')).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
  });

  it('emits hset only when it writes', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eh' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:hset');
    c.call('HSETNX', 'h', 'a', '1');
    c.call('HSETNX', 'h', 'a', '1');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:hset', 'h']]);
  });

  it('checks arity and type', () => {
    const c = new Harness().client();
    expect(c.call('HSETNX', 'h', 'a')).toEqual({ error: "ERR wrong number of arguments for 'hsetnx' command" });
    c.call('SET', 's', 'v');
    expect(c.call('HSETNX', 's', 'a', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
