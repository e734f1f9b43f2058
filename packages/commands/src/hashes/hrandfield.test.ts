// HRANDFIELD: one field, distinct fields for a positive count, repetitions for a negative
// one, WITHVALUES in RESP2 (flat) and RESP3 (pairs) shapes, and Redis's range errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const FIELDS = ['a', 'b', 'c', 'd', 'e', '6', '7', '8', '9', '10'];

function hashes(c: ReturnType<Harness['client']>): string[] {
  const args = FIELDS.flatMap((f) => [f, `v${f}`]);
  c.call('HSET', 'lp', ...args);
  c.call('HSET', 'ht', ...args, 'x'.repeat(80), 'long');
  expect(c.call('OBJECT', 'ENCODING', 'lp')).toBe('listpack');
  expect(c.call('OBJECT', 'ENCODING', 'ht')).toBe('hashtable');
  return ['lp', 'ht'];
}

describe('HRANDFIELD', () => {
  it('without a count answers one field, eventually each of them', () => {
    const c = new Harness().client();
    for (const k of hashes(c)) {
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) seen.add(c.call('HRANDFIELD', k) as string);
      const expected = k === 'lp' ? FIELDS : [...FIELDS, 'x'.repeat(80)];
      expect([...seen].sort()).toEqual([...expected].sort());
    }
    expect(c.call('HRANDFIELD', 'nokey')).toBeNull();
  });

  it('a count at least the size answers the whole hash', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    for (const n of [3, 20]) {
      expect(c.call('HRANDFIELD', 'h', n)).toEqual(['a', 'b', 'c']);
      expect(c.call('HRANDFIELD', 'h', n, 'WITHVALUES')).toEqual(['a', '1', 'b', '2', 'c', '3']);
    }
  });

  it('a smaller positive count answers distinct fields with their values', () => {
    const c = new Harness().client();
    for (const k of hashes(c)) {
      for (const n of [8, 2]) {
        const fields = c.call('HRANDFIELD', k, n) as string[];
        expect(fields).toHaveLength(n);
        expect(new Set(fields).size).toBe(n);
        const flat = c.call('HRANDFIELD', k, n, 'withvalues') as string[];
        expect(flat).toHaveLength(2 * n);
        for (let i = 0; i < flat.length; i += 2) expect(flat[i + 1]).toBe(c.call('HGET', k, flat[i] as string));
        expect(new Set(flat.filter((_, i) => i % 2 === 0)).size).toBe(n);
      }
    }
  });

  it('a negative count answers that many picks, repeating, roughly uniform', () => {
    const c = new Harness().client();
    for (const k of hashes(c)) {
      expect(c.call('HRANDFIELD', k, -1001)).toHaveLength(1001);
      expect(c.call('HRANDFIELD', k, -20, 'WITHVALUES')).toHaveLength(40);
      const picks = c.call('HRANDFIELD', k, -5000) as string[];
      const counts = new Map<string, number>();
      for (const p of picks) counts.set(p, (counts.get(p) ?? 0) + 1);
      const size = k === 'lp' ? 10 : 11;
      expect(counts.size).toBe(size);
      for (const n of counts.values()) expect(Math.abs(n - 5000 / size)).toBeLessThan(150);
    }
  });

  it('answers [field, value] pairs in RESP3 with values and plain fields without', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    c.call('HELLO', '3');
    expect(c.raw('HRANDFIELD', 'h', 1, 'WITHVALUES')).toBe('*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(c.raw('HRANDFIELD', 'h', -2, 'WITHVALUES')).toBe('*2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(c.raw('HRANDFIELD', 'h', 3)).toBe('*1\r\n$1\r\na\r\n');
    expect(c.raw('HRANDFIELD', 'nokey')).toBe('_\r\n');
  });

  it('answers an empty array for a count of 0 or a missing key', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    expect(c.raw('HRANDFIELD', 'h', 0)).toBe('*0\r\n');
    expect(c.raw('HRANDFIELD', 'h', 0, 'WITHVALUES')).toBe('*0\r\n');
    expect(c.raw('HRANDFIELD', 'nokey', 100)).toBe('*0\r\n');
    expect(c.raw('HRANDFIELD', 'nokey', -100, 'WITHVALUES')).toBe('*0\r\n');
  });

  it('checks the count range and the WITHVALUES token as Redis does', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    const range = { error: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807' };
    expect(c.call('HRANDFIELD', 'h', '-9223372036854775808')).toEqual(range);
    expect(c.call('HRANDFIELD', 'h', '-9223372036854775808', 'WITHVALUES')).toEqual(range);
    expect(c.call('HRANDFIELD', 'h', '-9223372036854770000', 'WITHVALUES')).toEqual({ error: 'ERR value is out of range' });
    expect(c.call('HRANDFIELD', 'h', '9223372036854775807', 'WITHVALUES')).toEqual({ error: 'ERR value is out of range' });
    expect(c.call('HRANDFIELD', 'h', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('HRANDFIELD', 'h', 1, 'withvalue')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('HRANDFIELD', 'h', 1, 'withvalues', 'x')).toEqual({ error: 'ERR syntax error' });
  });

  it('refuses more than 2^24 repeated picks rather than build a reply that size (Redis would stream it)', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    expect(c.call('HRANDFIELD', 'h', '-9223372036854775807')).toEqual({ error: 'ERR value is out of range' });
    expect(c.call('HRANDFIELD', 'h', -(2 ** 24) - 1)).toEqual({ error: 'ERR value is out of range' });
    expect(c.call('HRANDFIELD', 'nokey', '-9223372036854775807')).toEqual([]);
  });

  it('answers WRONGTYPE against another type, even for a count of 0', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
    expect(c.call('HRANDFIELD', 's')).toEqual(wrong);
    expect(c.call('HRANDFIELD', 's', 0)).toEqual(wrong);
    expect(c.call('HRANDFIELD')).toEqual({ error: "ERR wrong number of arguments for 'hrandfield' command" });
  });
});
