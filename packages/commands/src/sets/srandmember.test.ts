// SRANDMEMBER answers random members without removing them: one, distinct ones for a
// positive count (the whole set from its size on), repeated picks for a negative count.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const STRINGS = ['1', '5', '10', '50', '125', 'MARY', 'PATRICIA', 'LINDA', 'BARBARA', 'ELIZABETH', 'JENNIFER'];
const INTS = Array.from({ length: 50 }, (_, i) => String(i));

function sets(c: ReturnType<Harness['client']>): [string, string[]][] {
  c.call('SADD', 'h', ...STRINGS);
  c.call('SADD', 'i', ...INTS);
  expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
  expect(c.call('OBJECT', 'ENCODING', 'i')).toBe('intset');
  return [['h', STRINGS], ['i', INTS]];
}

describe('SRANDMEMBER', () => {
  it('without a count answers one member, eventually each of them', () => {
    const c = new Harness().client();
    for (const [k, members] of sets(c)) {
      const seen = new Set<string>();
      for (let i = 0; i < 1000; i++) seen.add(c.call('SRANDMEMBER', k) as string);
      expect([...seen].sort()).toEqual([...members].sort());
      expect(c.call('SCARD', k)).toBe(members.length);
    }
    expect(c.call('SRANDMEMBER', 'nokey')).toBeNull();
  });

  it('a positive count answers that many distinct members, the whole set from its size on', () => {
    const c = new Harness().client();
    for (const [k, members] of sets(c)) {
      for (const n of [1, 3, members.length - 1]) {
        const got = c.call('SRANDMEMBER', k, n) as string[];
        expect(got).toHaveLength(n);
        expect(new Set(got).size).toBe(n);
        for (const m of got) expect(members).toContain(m);
      }
      for (const n of [members.length, members.length + 10]) expect((c.call('SRANDMEMBER', k, n) as string[]).sort()).toEqual([...members].sort());
    }
    expect(c.call('SRANDMEMBER', 'i', '9223372036854775807')).toEqual([...INTS].sort((a, b) => Number(a) - Number(b)));
  });

  it('a negative count answers that many picks with repetitions, reaching every member', () => {
    const c = new Harness().client();
    for (const [k, members] of sets(c)) {
      const got = c.call('SRANDMEMBER', k, -1000) as string[];
      expect(got).toHaveLength(1000);
      expect([...new Set(got)].sort()).toEqual([...members].sort());
    }
  });

  it('answers an empty array for a count of 0 or a missing key, and arrays in RESP3', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 'a');
    c.call('HELLO', '3');
    expect(c.raw('SRANDMEMBER', 's', 0)).toBe('*0\r\n');
    expect(c.raw('SRANDMEMBER', 'nokey', 100)).toBe('*0\r\n');
    expect(c.raw('SRANDMEMBER', 's', 2)).toBe('*1\r\n$1\r\na\r\n');
    expect(c.raw('SRANDMEMBER', 'nokey')).toBe('_\r\n');
  });

  it('rejects counts out of range or not integers, extra arguments, other types and bad arity', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 'a');
    c.call('SET', 'str', 'v');
    expect(c.call('SRANDMEMBER', 's', '-9223372036854775808')).toEqual({ error: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807' });
    expect(c.call('SRANDMEMBER', 's', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SRANDMEMBER', 's', 1, 2)).toEqual({ error: 'ERR syntax error' });
    const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
    expect(c.call('SRANDMEMBER', 'str')).toEqual(wrong);
    expect(c.call('SRANDMEMBER', 'str', 0)).toEqual(wrong);
    expect(c.call('SRANDMEMBER')).toEqual({ error: "ERR wrong number of arguments for 'srandmember' command" });
  });
});
