// SMEMBERS answers every member (ascending for an intset) as a set reply: RESP3 `~`, an empty
// set for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SMEMBERS', () => {
  it('answers all members; an intset in ascending order', () => {
    const c = new Harness().client();
    c.call('SADD', 'i', 10, -5, 3);
    expect(c.call('SMEMBERS', 'i')).toEqual(['-5', '3', '10']);
    c.call('SADD', 'h', 'b', 'a', 1);
    expect((c.call('SMEMBERS', 'h') as string[]).sort()).toEqual(['1', 'a', 'b']);
    expect(c.call('SMEMBERS', 'nokey')).toEqual([]);
  });

  it('is a set reply in RESP3', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 1, 2);
    c.call('HELLO', '3');
    expect(c.raw('SMEMBERS', 's')).toBe('~2\r\n$1\r\n1\r\n$1\r\n2\r\n');
    expect(c.raw('SMEMBERS', 'nokey')).toBe('~0\r\n');
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('SMEMBERS', 'str')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SMEMBERS', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'smembers' command" });
  });
});
