// SSCAN walks a set: an intset answers whole with cursor 0, a hashtable returns every member
// present throughout exactly once over a cursor walk; MATCH/COUNT options and errors as Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

type Page = [string, string[]];

function walk(c: ReturnType<Harness['client']>, key: string, ...opts: (string | number)[]): string[] {
  const seen: string[] = [];
  let cursor = '0';
  do {
    const [next, items] = c.call('SSCAN', key, cursor, ...opts) as Page;
    seen.push(...items);
    cursor = next;
  } while (cursor !== '0');
  return seen;
}

describe('SSCAN', () => {
  it('answers an intset whole with cursor 0, whatever cursor and COUNT', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 3, 1, 2);
    expect(c.call('SSCAN', 's', 0, 'COUNT', 1)).toEqual(['0', ['1', '2', '3']]);
    expect(c.call('SSCAN', 's', 77)).toEqual(['0', ['1', '2', '3']]);
    expect(c.call('SSCAN', 's', 0, 'MATCH', '[12]')).toEqual(['0', ['1', '2']]);
  });

  it('walks a hashtable in pages, returning each member once', () => {
    const c = new Harness().client();
    const members = Array.from({ length: 200 }, (_, i) => `m${i}`);
    c.call('SADD', 's', ...members);
    const [first, page] = c.call('SSCAN', 's', 0) as Page;
    expect(first).not.toBe('0');
    expect(page).toHaveLength(10);
    const seen = walk(c, 's', 'COUNT', 7);
    expect(seen.sort()).toEqual([...members].sort());
  });

  it('returns members present throughout a walk exactly once despite writes', () => {
    const c = new Harness().client();
    c.call('SADD', 's', ...Array.from({ length: 50 }, (_, i) => `m${i}`));
    const seen: string[] = [];
    let cursor = '0';
    let round = 0;
    do {
      const [next, items] = c.call('SSCAN', 's', cursor, 'COUNT', 5) as Page;
      seen.push(...items);
      cursor = next;
      c.call('SADD', 's', `new${round}`);
      c.call('SREM', 's', `m${49 - round}`);
      round++;
    } while (cursor !== '0');
    for (let i = 0; i < 40; i++) expect(seen.filter((m) => m === `m${i}`)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('MATCH filters the returned members', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 'foo', 'fab', 'bar', 'baz', 'qux');
    expect(walk(c, 's', 'MATCH', 'ba*').sort()).toEqual(['bar', 'baz']);
    expect(walk(c, 's', 'MATCH', '*').sort()).toEqual(['bar', 'baz', 'fab', 'foo', 'qux']);
  });

  it('answers an empty page for a missing key before reading options', () => {
    const c = new Harness().client();
    expect(c.call('SSCAN', 'nokey', 0)).toEqual(['0', []]);
    expect(c.call('SSCAN', 'nokey', 0, 'BAD')).toEqual(['0', []]);
  });

  it('rejects bad cursors, options, COUNT below 1, other types and bad arity', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 'a');
    c.call('SET', 'str', 'v');
    expect(c.call('SSCAN', 's', 'x')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('SSCAN', 'nokey', 'x')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('SSCAN', 's', 0, 'COUNT', 0)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SSCAN', 's', 0, 'COUNT', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SSCAN', 's', 0, 'MATCH')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SSCAN', 's', 0, 'TYPE', 'set')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SSCAN', 'str', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SSCAN', 's')).toEqual({ error: "ERR wrong number of arguments for 'sscan' command" });
  });
});
