// SCAN walks the keyspace by cursor with MATCH, COUNT and TYPE: every key present for the
// whole walk is returned, whatever is added or deleted meanwhile; cursors parse as strtoul.
import { Harness, type TestClient } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function scanAll(c: TestClient, ...opts: (string | number)[]): string[] {
  const seen: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = c.call('SCAN', cursor, ...opts) as [string, string[]];
    seen.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return seen;
}

describe('SCAN', () => {
  it('returns every key exactly once over a full iteration', () => {
    const c = new Harness().client();
    for (let i = 0; i < 1000; i++) c.call('SET', `key:${i}`, i);
    const seen = scanAll(c);
    expect(seen.length).toBe(1000);
    expect(new Set(seen).size).toBe(1000);
  });

  it('looks at COUNT keys per call', () => {
    const c = new Harness().client();
    for (let i = 0; i < 30; i++) c.call('SET', `k${i}`, i);
    const [cursor, keys] = c.call('SCAN', 0, 'COUNT', 7) as [string, string[]];
    expect(keys).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    expect(cursor).not.toBe('0');
    expect((c.call('SCAN', 0) as [string, string[]])[1].length).toBe(10);
  });

  it('filters by MATCH', () => {
    const c = new Harness().client();
    for (let i = 0; i < 100; i++) c.call('SET', `key:${i}`, i);
    const seen = scanAll(c, 'MATCH', 'key:1?', 'COUNT', 13);
    expect(seen.sort()).toEqual(['key:10', 'key:11', 'key:12', 'key:13', 'key:14', 'key:15', 'key:16', 'key:17', 'key:18', 'key:19']);
  });

  it('filters by TYPE, case-insensitively', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '2');
    expect(scanAll(c, 'TYPE', 'STRING').sort()).toEqual(['a', 'b']);
    expect(scanAll(c, 'TYPE', 'list')).toEqual([]);
  });

  it('keeps returning keys present for the whole scan under concurrent inserts, deletes and rehashing', () => {
    const h = new Harness();
    const c = h.client();
    const stable: string[] = [];
    for (let i = 0; i < 6000; i++) {
      if (i % 2 === 0) {
        c.call('SET', `s${i}`, i);
        stable.push(`s${i}`);
      }
      c.call('SET', `t${i}`, i);
    }
    const seen = new Set<string>();
    let cursor = '0';
    let round = 0;
    do {
      const [next, keys] = c.call('SCAN', cursor, 'COUNT', 50) as [string, string[]];
      for (const k of keys) seen.add(k);
      cursor = next;
      // Churn behind and ahead of the cursor: transient keys go, new keys arrive.
      for (let j = 0; j < 100; j++) c.call('DEL', `t${(round * 2477 + j * 61) % 6000}`);
      for (let j = 0; j < 10; j++) c.call('SET', `n${round}:${j}`, j);
      round++;
    } while (cursor !== '0');
    expect(stable.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('does not return keys whose TTL has passed, and deletes them', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'live', '1');
    c.call('SET', 'gone', '1', 'PX', 1);
    h.advance(2);
    expect(c.call('SCAN', 0)).toEqual(['0', ['live']]);
    expect(c.call('DBSIZE')).toBe(1);
  });

  it('parses the cursor as strtoul does', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    expect(c.call('SCAN', '')).toEqual(['0', ['a']]);
    expect(c.call('SCAN', '+0')).toEqual(['0', ['a']]);
    // -1 wraps to 2^64-1, a cursor never handed out: the walk starts over (real Redis also
    // answers 'a' here, from its last bucket).
    expect(c.call('SCAN', '-1')).toEqual(['0', ['a']]);
    expect(c.call('SCAN', '99999999999999999999')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('SCAN', ' 1')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('SCAN', '1x')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('SCAN', '-')).toEqual({ error: 'ERR invalid cursor' });
  });

  it('rejects bad options', () => {
    const c = new Harness().client();
    expect(c.call('SCAN', 0, 'COUNT', 0)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SCAN', 0, 'COUNT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SCAN', 0, 'COUNT', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SCAN', 0, 'MATCH')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SCAN', 0, 'TYPE', 'string', 'extra')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SCAN', 0, 'FOO', 'bar')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SCAN')).toEqual({ error: "ERR wrong number of arguments for 'scan' command" });
  });
});
