// The regrouping matches the nodes redis-server 7.0.15 builds by RPUSH (numbers read from its
// DUMP payloads), for size fills and count fills alike.
import { describe, expect, it } from 'vitest';
import { quicklistNodeSizes } from './quicklist-layout.js';

describe('quicklistNodeSizes', () => {
  it('fills 8 KB nodes under fill -2 as RPUSH does', () => {
    const items = Array.from({ length: 1500 }, (_, i) => `item-${i}-${'z'.repeat(i % 13)}`);
    // redis-server: RPUSH of these 1500 gives 4 nodes, the first three of 488, 481 and 456 entries.
    expect(quicklistNodeSizes(items, -2)).toEqual([488, 481, 456, 75]);
  });

  it('caps nodes by count under a positive fill, and by the 8 KB safety limit', () => {
    expect(quicklistNodeSizes(Array.from({ length: 25 }, String), 10)).toEqual([10, 10, 5]);
    expect(quicklistNodeSizes(['a'.repeat(5000), 'b'.repeat(5000)], 100)).toEqual([1, 1]);
  });

  it('gives an empty list no nodes and keeps a huge element alone in its node', () => {
    expect(quicklistNodeSizes([], -2)).toEqual([]);
    expect(quicklistNodeSizes(['x', 'y'.repeat(10000), 'z'], -2)).toEqual([1, 1, 1]);
  });
});
