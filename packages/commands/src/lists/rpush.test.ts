// RPUSH appends each element in turn, answers the new length, emits rpush, and keeps
// order across many packed nodes of a long list.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RPUSH', () => {
  it('appends elements in argument order', () => {
    const c = new Harness().client();
    expect(c.call('RPUSH', 'l', 'a', 'b')).toBe(2);
    expect(c.call('RPUSH', 'l', 'c')).toBe(3);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('builds a long list whose every element reads back, still a quicklist', () => {
    const c = new Harness().client();
    const n = 5000;
    for (let i = 0; i < n; i += 100) c.call('RPUSH', 'l', ...Array.from({ length: 100 }, (_, k) => `v${i + k}`));
    expect(c.call('LLEN', 'l')).toBe(n);
    expect(c.call('LINDEX', 'l', 2500)).toBe('v2500');
    expect(c.call('LRANGE', 'l', 4998, -1)).toEqual(['v4998', 'v4999']);
    expect(c.call('OBJECT', 'ENCODING', 'l')).toBe('quicklist');
  });

  it('honours list-max-listpack-size 1 (one element per node) without changing behaviour', () => {
    const c = new Harness({ config: { 'list-max-listpack-size': '1' } }).client();
    c.call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f');
    expect(c.call('LRANGE', 'l', 1, 4)).toEqual(['b', 'c', 'd', 'e']);
    expect(c.call('OBJECT', 'ENCODING', 'l')).toBe('quicklist');
  });

  it('refuses a key of another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('RPUSH', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits rpush', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'El' } });
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    h.client().call('RPUSH', 'l', 'a');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:rpush']);
  });
});
