// OBJECT REFCOUNT answers 1, or INT_MAX for the shared integers 0..9999 as Redis does.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('OBJECT REFCOUNT', () => {
  it('answers INT_MAX for small integers and 1 otherwise', () => {
    const c = new Harness().client();
    const cases: [string, number][] = [['0', 2147483647], ['9999', 2147483647], ['10000', 1], ['-1', 1], ['hello', 1]];
    for (const [value, refcount] of cases) {
      c.call('SET', 'k', value);
      expect([value, c.call('OBJECT', 'REFCOUNT', 'k')]).toEqual([value, refcount]);
    }
  });

  it('answers 1 for a COPY of a small integer, and a RENAME keeps it shared', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('COPY', 'a', 'b');
    expect(c.call('OBJECT', 'REFCOUNT', 'b')).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 'b')).toBe('int');
    c.call('RENAME', 'a', 'c');
    expect(c.call('OBJECT', 'REFCOUNT', 'c')).toBe(2147483647);
  });

  it('does not share integers under maxmemory with an LRU policy', () => {
    const c = new Harness({ config: { maxmemory: '1gb', 'maxmemory-policy': 'allkeys-lru' } }).client();
    c.call('SET', 'a', '1');
    expect(c.call('OBJECT', 'REFCOUNT', 'a')).toBe(1);
  });

  it('shares integers under maxmemory with a random policy', () => {
    const c = new Harness({ config: { maxmemory: '1gb', 'maxmemory-policy': 'allkeys-random' } }).client();
    c.call('SET', 'a', '1');
    expect(c.call('OBJECT', 'REFCOUNT', 'a')).toBe(2147483647);
  });

  it('answers nil for a missing key', () => {
    const c = new Harness().client();
    expect(c.call('OBJECT', 'REFCOUNT', 'nokey')).toBeNull();
  });
});
