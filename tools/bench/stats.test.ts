import { describe, expect, it } from 'vitest';
import { median, pairedRatio } from './stats.mjs';

describe('bench stats', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('pairs runs made back to back before taking the median', () => {
    // Slow spells hit pairs 2 and 3, each pair's two runs alike: every pair says 1.2.
    expect(pairedRatio([1.2, 2.4, 3.6], [1.0, 2.0, 3.0])).toBeCloseTo(1.2, 10);
    // A spell that hits Cinnabar's run of pair 2 only and both runs of pair 3: the pairs still
    // say 1.2 twice, while the ratio of the medians says 2.4.
    expect(pairedRatio([1.2, 2.4, 3.6], [1.0, 1.0, 3.0])).toBeCloseTo(1.2, 10);
    expect(median([1.2, 2.4, 3.6]) / median([1.0, 1.0, 3.0])).toBeCloseTo(2.4, 10);
  });

  it('refuses lists that do not pair up', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/same/);
    expect(() => pairedRatio([], [])).toThrow(/non-zero/);
  });
});
