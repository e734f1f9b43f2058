// ZRANDMEMBER picks random members: one, distinct ones, repeated ones, the whole set from the
// top for a large count, with scores (RESP3 pairs), and Redis's range errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZRANDMEMBER', () => {
  it('answers members of the set', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
    expect(['a', 'b', 'c', 'd', 'e']).toContain(c.call('ZRANDMEMBER', 'z'));
    const two = c.call('ZRANDMEMBER', 'z', '2') as string[];
    expect(two).toHaveLength(2);
    expect(new Set(two).size).toBe(2);
    const many = c.call('ZRANDMEMBER', 'z', '-20') as string[];
    expect(many).toHaveLength(20);
    expect(many.every((m) => 'abcde'.includes(m))).toBe(true);
    expect(c.call('ZRANDMEMBER', 'z', '10', 'WITHSCORES')).toEqual(['e', '5', 'd', '4', 'c', '3', 'b', '2', 'a', '1']);
    expect(c.call('ZRANDMEMBER', 'z', '0')).toEqual([]);
  });

  it('pairs members with scores in RESP3', () => {
    const c = new Harness().client();
    c.call('HELLO', '3');
    c.call('ZADD', 'z', '1', 'a');
    expect(c.call('ZRANDMEMBER', 'z', '-2', 'WITHSCORES')).toEqual([['a', { double: 1 }], ['a', { double: 1 }]]);
  });

  it('answers null or empty for a missing key and refuses bad arguments', () => {
    const c = new Harness().client();
    expect(c.call('ZRANDMEMBER', 'nokey')).toBeNull();
    expect(c.call('ZRANDMEMBER', 'nokey', '3')).toEqual([]);
    expect(c.call('ZRANDMEMBER', 'z', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('ZRANDMEMBER', 'z', '1', 'foo')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANDMEMBER', 'z', '-9223372036854775808')).toEqual({ error: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807' });
    expect(c.call('ZRANDMEMBER', 'z', '9223372036854775807', 'WITHSCORES')).toEqual({ error: 'ERR value is out of range' });
    c.call('SET', 's', 'v');
    expect(c.call('ZRANDMEMBER', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
