// LCS answers the longest common subsequence, its length, or its match ranges (IDX with
// MINMATCHLEN and WITHMATCHLEN) exactly as Redis 7.0 lays them out.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };
const rna1 = 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG';
const rna2 = 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT';
const rnalcs = 'ACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT';

function setup() {
  const h = new Harness();
  const c = h.client();
  c.call('SET', 'v1', rna1);
  c.call('SET', 'v2', rna2);
  return { h, c };
}

describe('LCS', () => {
  it('answers the subsequence and its length', () => {
    const { c } = setup();
    expect(c.call('LCS', 'v1', 'v2')).toBe(rnalcs);
    expect(c.call('LCS', 'v1', 'v2', 'LEN')).toBe(rnalcs.length);
  });

  it('IDX answers the match ranges, last first, in a map', () => {
    const { c } = setup();
    expect(c.call('LCS', 'v1', 'v2', 'IDX')).toEqual([
      'matches',
      [[[238, 238], [239, 239]], [[236, 236], [238, 238]], [[229, 230], [236, 237]], [[224, 224], [235, 235]], [[1, 222], [13, 234]]],
      'len',
      227,
    ]);
    expect(c.call('LCS', 'v1', 'v2', 'IDX', 'WITHMATCHLEN', 'MINMATCHLEN', 5)).toEqual(['matches', [[[1, 222], [13, 234], 222]], 'len', 227]);
    expect((c.call('LCS', 'v1', 'v2', 'IDX', 'WITHMATCHLEN') as unknown[])[1]).toEqual([
      [[238, 238], [239, 239], 1], [[236, 236], [238, 238], 1], [[229, 230], [236, 237], 2], [[224, 224], [235, 235], 1], [[1, 222], [13, 234], 222],
    ]);
  });

  it('IDX is a map in RESP3', () => {
    const { c } = setup();
    c.call('HELLO', 3);
    c.call('SET', 'a', 'ohmytext');
    c.call('SET', 'b', 'mynewtext');
    expect(c.call('LCS', 'a', 'b', 'IDX')).toEqual({ map: ['matches', [[[4, 7], [5, 8]], [[2, 3], [0, 1]]], 'len', 6] });
  });

  it('treats missing keys as empty strings and refuses other types', () => {
    const { h, c } = setup();
    h.keyspace.db(0).add('l', list);
    expect(c.call('LCS', 'v1', 'nokey')).toBe('');
    expect(c.call('LCS', 'v1', 'l')).toEqual({ error: 'ERR The specified keys must contain string values' });
  });

  it('refuses bad options', () => {
    const { c } = setup();
    expect(c.call('LCS', 'v1', 'v2', 'LEN', 'IDX')).toEqual({ error: 'ERR If you want both the length and indexes, please just use IDX.' });
    expect(c.call('LCS', 'v1', 'v2', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LCS', 'v1', 'v2', 'MINMATCHLEN')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LCS', 'v1', 'v2', 'IDX', 'MINMATCHLEN', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('refuses a table larger than proto-max-bulk-len', () => {
    const c = new Harness({ config: { 'proto-max-bulk-len': '1048576' } }).client();
    c.call('SET', 'a', 'x'.repeat(600));
    c.call('SET', 'b', 'y'.repeat(600));
    expect(c.call('LCS', 'a', 'b')).toEqual({ error: 'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len' });
  });

  it('takes two keys', () => {
    expect(new Harness().client().call('LCS', 'a')).toEqual({ error: "ERR wrong number of arguments for 'lcs' command" });
  });
});
