// SDIFF answers the first set's members that no other set holds, as a set reply; missing keys
// are empty sets and every key is type-checked.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONG = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('SDIFF', () => {
  it('subtracts every other set from the first, by either algorithm', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1, 2, 3, 4, 'x', 'y');
    c.call('SADD', 'b', 2, 'x');
    c.call('SADD', 'c', 3, 'z');
    c.call('SADD', 'big', ...Array.from({ length: 40 }, (_, i) => `m${i}`), 4);
    expect((c.call('SDIFF', 'a', 'b', 'c') as string[]).sort()).toEqual(['1', '4', 'y']);
    expect((c.call('SDIFF', 'a', 'b', 'c', 'big') as string[]).sort()).toEqual(['1', 'y']);
    expect((c.call('SDIFF', 'a', 'nokey') as string[]).sort()).toEqual(['1', '2', '3', '4', 'x', 'y']);
    expect(c.call('SDIFF', 'nokey', 'a')).toEqual([]);
    expect(c.call('SDIFF', 'a', 'a')).toEqual([]);
    expect(c.call('SDIFF', 'a', 'b', 'a')).toEqual([]);
  });

  it('answers integers in ascending order and a set reply in RESP3', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 'x', 9, 3, 7);
    c.call('SADD', 'b', 'x');
    expect(c.call('SDIFF', 'a', 'b')).toEqual(['3', '7', '9']);
    c.call('HELLO', '3');
    expect(c.raw('SDIFF', 'nokey')).toBe('~0\r\n');
  });

  it('answers WRONGTYPE for any key of another type', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    c.call('SADD', 's', 'a');
    expect(c.call('SDIFF', 'str', 'nokey')).toEqual(WRONG);
    expect(c.call('SDIFF', 'nokey', 'str')).toEqual(WRONG);
    expect(c.call('SDIFF', 's', 'str')).toEqual(WRONG);
    expect(c.call('SDIFF')).toEqual({ error: "ERR wrong number of arguments for 'sdiff' command" });
  });
});
