// SUNION answers every member of any set as a set reply, built as a fresh set: all-integer
// unions come back in ascending order.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SUNION', () => {
  it('answers the members of all sets, missing keys counting as empty', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 'x', 1);
    c.call('SADD', 'b', 'y', 1, 2);
    expect((c.call('SUNION', 'a', 'nokey', 'b') as string[]).sort()).toEqual(['1', '2', 'x', 'y']);
    expect(c.call('SUNION', 'nokey')).toEqual([]);
  });

  it('answers an all-integer union in ascending order even from hashtables', () => {
    const c = new Harness({ config: { 'set-max-intset-entries': '2' } }).client();
    c.call('SADD', 'a', 30, 10, 20);
    c.call('SADD', 'b', 5);
    expect(c.call('OBJECT', 'ENCODING', 'a')).toBe('hashtable');
    expect((c.call('SUNION', 'a') as string[]).sort()).toEqual(['10', '20', '30']);
    c.call('CONFIG', 'SET', 'set-max-intset-entries', '512');
    expect(c.call('SUNION', 'a', 'b')).toEqual(['5', '10', '20', '30']);
  });

  it('is a set reply in RESP3 and checks types and arity', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1);
    c.call('SET', 'str', 'v');
    c.call('HELLO', '3');
    expect(c.raw('SUNION', 'a', 'nokey')).toBe('~1\r\n$1\r\n1\r\n');
    expect(c.call('SUNION', 'nokey', 'str')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SUNION')).toEqual({ error: "ERR wrong number of arguments for 'sunion' command" });
  });
});
