// Proves LCS: the subsequence, its length, and the match ranges in Redis's order.
import { describe, expect, it } from 'vitest';
import { lcs, lcsTableBytes } from './lcs.js';

const all = { text: true, matches: true, minMatchLen: 0 };

describe('lcs', () => {
  it('finds the subsequence and its ranges, last match first', () => {
    const r = lcs('ohmytext', 'mynewtext', all);
    expect(r.text).toBe('mytext');
    expect(r.length).toBe(6);
    expect(r.matches).toEqual([
      { a: [4, 7], b: [5, 8], length: 4 },
      { a: [2, 3], b: [0, 1], length: 2 },
    ]);
  });

  it('drops ranges shorter than the minimum match length', () => {
    expect(lcs('ohmytext', 'mynewtext', { ...all, minMatchLen: 4 }).matches).toEqual([{ a: [4, 7], b: [5, 8], length: 4 }]);
  });

  it('handles empty inputs and binary bytes', () => {
    expect(lcs('', 'abc', all)).toEqual({ length: 0, text: '', matches: [] });
    expect(lcs('\x00\xff\x01', '\xff\x01', all).text).toBe('\xff\x01');
  });

  it('skips the walk when only the length is wanted', () => {
    expect(lcs('abcd', 'acd', { text: false, matches: false, minMatchLen: 0 })).toEqual({ length: 3, text: '', matches: [] });
    expect(lcsTableBytes(2, 3)).toBe(48);
  });
});
