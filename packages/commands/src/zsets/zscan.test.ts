// ZSCAN walks member-score pairs: a listpack set at once (integral scores as integers, as the
// listpack keeps them), a skiplist set through live cursors that return every member once.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZSCAN', () => {
  it('answers a listpack set in one step, in order, with MATCH', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '123456789012345678', 'big', '0.5', 'half');
    expect(c.call('ZSCAN', 'z', '0')).toEqual(['0', ['half', '0.5', 'a', '1', 'big', '123456789012345680']]);
    expect(c.call('ZSCAN', 'z', '0', 'MATCH', 'b*')).toEqual(['0', ['big', '123456789012345680']]);
    expect(c.call('ZSCAN', 'nokey', '0')).toEqual(['0', []]);
  });

  it('walks a skiplist set with cursors, every member exactly once', () => {
    const c = new Harness({ config: { 'zset-max-listpack-entries': '1' } }).client();
    const args: string[] = [];
    for (let i = 0; i < 100; i++) args.push(String(i), `m${i}`);
    c.call('ZADD', 'z', ...args);
    const seen = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, items] = c.call('ZSCAN', 'z', cursor, 'COUNT', '7') as [string, string[]];
      for (let i = 0; i < items.length; i += 2) {
        expect(seen.has(items[i] as string)).toBe(false);
        seen.set(items[i] as string, items[i + 1] as string);
      }
      cursor = next;
    } while (cursor !== '0');
    expect(seen.size).toBe(100);
    expect(seen.get('m42')).toBe('42');
  });

  it('refuses bad cursors and options, and other types', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a');
    expect(c.call('ZSCAN', 'z', 'x')).toEqual({ error: 'ERR invalid cursor' });
    expect(c.call('ZSCAN', 'z', '0', 'COUNT', '0')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZSCAN', 'z', '0', 'FOO', '1')).toEqual({ error: 'ERR syntax error' });
    c.call('SET', 's', 'v');
    expect(c.call('ZSCAN', 's', '0')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
