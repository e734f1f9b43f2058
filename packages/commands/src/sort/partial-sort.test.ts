// partialSort leaves the wanted ranks as a full sort would, and places equal items where
// Redis's partial quicksort does (checked against SORT BY ... ALPHA LIMIT on Redis 7.0.15).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';
import { partialSort } from './partial-sort.js';

const numeric = (a: number, b: number) => a - b;

describe('partialSort', () => {
  it('puts the same values in the wanted ranks as a full sort, for every range', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const n of [1, 6, 7, 8, 40, 41, 100, 500]) {
      const values = Array.from({ length: n }, () => next() % 50);
      const full = [...values].sort(numeric);
      for (const [lo, hi] of [[0, 0], [0, n - 1], [n - 1, n - 1], [Math.floor(n / 3), Math.floor(n / 2)]] as const) {
        const v = [...values];
        partialSort(v, numeric, lo, hi);
        expect(v.slice(lo, hi + 1)).toEqual(full.slice(lo, hi + 1));
        expect([...v].sort(numeric)).toEqual(full);
      }
    }
  });

  it('orders equal weights as Redis does under BY ... LIMIT', () => {
    const c = new Harness().client();
    c.call('RPUSH', 't', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10');
    expect(c.call('SORT', 't', 'BY', 'nx_*', 'ALPHA', 'LIMIT', 0, 5)).toEqual(['10', '2', '3', '4', '5']);
    expect(c.call('SORT', 't', 'BY', 'nx_*', 'ALPHA', 'DESC', 'LIMIT', 2, 5)).toEqual(['3', '4', '5', '6', '7']);
    // Without LIMIT the sort is stable, so equal weights keep the list's order.
    expect(c.call('SORT', 't', 'BY', 'nx_*', 'ALPHA')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('orders a larger run of ties as Redis does (median of medians pivot)', () => {
    const c = new Harness().client();
    const els = Array.from({ length: 50 }, (_, i) => `e${i}`);
    c.call('RPUSH', 't', ...els);
    for (let i = 0; i < 50; i += 3) c.call('SET', `w_e${i}`, 'm');
    expect(c.call('SORT', 't', 'BY', 'w_*', 'ALPHA', 'LIMIT', 10, 8)).toEqual(['e34', 'e35', 'e37', 'e38', 'e40', 'e41', 'e43', 'e44']);
  });
});
