// Equal BY values land where Redis puts them: in element order without LIMIT (a stable sort),
// where its partial quicksort leaves them with LIMIT (checked on Redis 7.0.15).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SORT ties', () => {
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
