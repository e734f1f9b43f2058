// HSCAN: a listpack answers every pair at once with cursor 0; a hashtable walks with cursors
// that return every field present for the whole scan; MATCH, COUNT and the errors as Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

type Client = ReturnType<Harness['client']>;

function scanAll(c: Client, key: string, ...opts: (string | number)[]): { pairs: Map<string, string>; calls: number } {
  const pairs = new Map<string, string>();
  let cursor = '0';
  let calls = 0;
  do {
    const [next, flat] = c.call('HSCAN', key, cursor, ...opts) as [string, string[]];
    for (let i = 0; i < flat.length; i += 2) pairs.set(flat[i] as string, flat[i + 1] as string);
    cursor = next;
    calls++;
  } while (cursor !== '0' && calls < 10_000);
  return { pairs, calls };
}

describe('HSCAN', () => {
  it('answers a whole listpack in one call with cursor 0, whatever the cursor and COUNT', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    expect(c.call('HSCAN', 'h', 0, 'COUNT', 1)).toEqual(['0', ['a', '1', 'b', '2', 'c', '3']]);
    expect(c.call('HSCAN', 'h', 77)).toEqual(['0', ['a', '1', 'b', '2', 'c', '3']]);
    expect(c.call('HSCAN', 'h', '-1', 'MATCH', '[ab]')).toEqual(['0', ['a', '1', 'b', '2']]);
  });

  it('walks a hashtable in steps and returns every pair', () => {
    const c = new Harness().client();
    const args: string[] = [];
    for (let i = 0; i < 1000; i++) args.push(`key:${i}`, `${i}`);
    c.call('HSET', 'h', ...args);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    const first = c.call('HSCAN', 'h', 0) as [string, string[]];
    expect(first[0]).not.toBe('0');
    expect(first[1]).toHaveLength(20);
    const all = scanAll(c, 'h', 'COUNT', 100);
    expect(all.pairs.size).toBe(1000);
    for (const [f, v] of all.pairs) expect(f).toBe(`key:${v}`);
    expect(all.calls).toBe(10);
  });

  it('MATCH filters fields on a hashtable', () => {
    const c = new Harness().client();
    const args: string[] = [];
    for (let i = 0; i < 1000; i++) args.push(`key:${i}`, `${i}`);
    c.call('HSET', 'h', ...args);
    const { pairs } = scanAll(c, 'h', 'MATCH', 'key:1??', 'COUNT', 50);
    expect([...pairs.keys()].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `key:${100 + i}`).sort());
  });

  it('returns every field present for the whole scan while others come and go', () => {
    const h = new Harness();
    const c = h.client();
    const args: string[] = [];
    for (let i = 0; i < 500; i++) args.push(`f${i}`, `${i}`);
    c.call('HSET', 'h', ...args);
    const seen = new Set<string>();
    let cursor = '0';
    let step = 0;
    do {
      const [next, flat] = c.call('HSCAN', 'h', cursor, 'COUNT', 7) as [string, string[]];
      for (let i = 0; i < flat.length; i += 2) seen.add(flat[i] as string);
      cursor = next;
      // Delete fields 0..99 progressively and add new ones meanwhile.
      if (step < 100) c.call('HDEL', 'h', `f${step}`);
      c.call('HSET', 'h', `new${step}`, 'x');
      step++;
    } while (cursor !== '0' && step < 10_000);
    expect(cursor).toBe('0');
    for (let i = 100; i < 500; i++) expect(seen.has(`f${i}`)).toBe(true);
  });

  it('answers an empty scan for a missing key without parsing options', () => {
    const c = new Harness().client();
    expect(c.call('HSCAN', 'nokey', 0)).toEqual(['0', []]);
    expect(c.call('HSCAN', 'nokey', 0, 'COUNT', 0)).toEqual(['0', []]);
  });

  it('rejects a bad cursor first, then bad options', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    expect(c.call('HSCAN', 'nokey', 'abc')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('HSCAN', 'h', '18446744073709551616')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('HSCAN', 'h', 0, 'COUNT', 0)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('HSCAN', 'h', 0, 'COUNT', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('HSCAN', 'h', 0, 'TYPE', 'string')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('HSCAN', 'h', 0, 'MATCH')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('HSCAN', 'h')).toEqual({ error: "ERR wrong number of arguments for 'hscan' command" });
  });

  it('answers WRONGTYPE against another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HSCAN', 's', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
