// SREM removes members and counts them, deletes the key with its last member (srem then
// del), and counts one dirty change per member removed.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SREM', () => {
  it('answers how many of the named members were removed, in both encodings', () => {
    const c = new Harness().client();
    c.call('SADD', 'i', 1, 2, 3);
    c.call('SADD', 'h', 'a', 'b', 'c');
    expect(c.call('SREM', 'i', 1, 4, 'x', '01')).toBe(1);
    expect(c.call('SMEMBERS', 'i')).toEqual(['2', '3']);
    expect(c.call('SREM', 'h', 'a', 'a', 'z')).toBe(1);
    expect((c.call('SMEMBERS', 'h') as string[]).sort()).toEqual(['b', 'c']);
    expect(c.call('SREM', 'nokey', 'a')).toBe(0);
  });

  it('deletes the key with its last member and stops there; srem then del', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('SADD', 's', 'a', 'b', 'c');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('SREM', 's', 'a', 'b', 'z', 'c', 'd')).toBe(3);
    expect(h.keyspace.stats.dirty - dirty).toBe(3);
    expect(c.call('EXISTS', 's')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:srem', 's'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 's'],
    ]);
    c.call('SADD', 's', 'a');
    s.drain();
    expect(c.call('SREM', 's', 'zz')).toBe(0);
    expect(s.drain()).toEqual([]);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('SREM', 'str', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SREM', 's')).toEqual({ error: "ERR wrong number of arguments for 'srem' command" });
  });
});
