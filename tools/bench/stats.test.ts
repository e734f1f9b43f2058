import { describe, expect, it } from 'vitest';
import { median, pairedRatio } from './stats.mjs';

describe('bench stats', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('pairs runs made back to back before taking the median', () => {
    // A slow spell hits pairs 1 and 2 for both servers: every pair says 1.2.
    const cinnabar = [1.2, 2.4, 3.6];
    const redis = [1.0, 2.0, 3.0];
    expect(pairedRatio(cinnabar, redis)).toBeCloseTo(1.2, 10);
    // The ratio of the medians would say the same here, but not when the spells fall unevenly:
    expect(pairedRatio([1.2, 2.4, 1.2], [1.0, 2.0, 1.0])).toBeCloseTo(1.2, 10);
    expect(median([1.2, 2.4, 3.6]) / median([1.0, 1.0, 3.0])).toBeCloseTo(2.4, 10);
    expect(pairedRatio([1.2, 2.4, 3.6], [1.0, 1.0, 3.0])).toBeCloseTo(1.2, 10);
  });

  it('refuses lists that do not pair up', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/same/);
    expect(() => pairedRatio([], [])).toThrow(/non-zero/);
  });
});
