// Geohash scores, decoding and neighbour cells behave as Redis 7.0's geohash.c; the expected
// scores, positions and strings were taken from a real redis-server 7.0.15.
import { describe, expect, it } from 'vitest';
import { decodeScore, geoDistance, geohashMove, geohashString, geoScore } from './geohash.js';

describe('geohash', () => {
  it('encodes coordinates into the 52-bit scores GEOADD stores', () => {
    expect(geoScore(13.361389, 38.115556)).toBe(3479099956230698);
    expect(geoScore(15.087269, 37.502669)).toBe(3479447370796909);
    expect(geoScore(-180, -85.05112878)).toBe(0);
    expect(geoScore(180, 85.05112878)).toBe(13510798882111488);
  });

  it('decodes a score to the centre of its cell', () => {
    expect(decodeScore(3479099956230698)).toEqual([13.361389338970184, 38.1155563954963]);
    expect(geohashString(3479099956230698)).toBe('sqc8b49rny0');
  });

  it('moves to neighbour cells with wrap-around at the edges', () => {
    expect(geohashMove({ bits: 0, step: 2 }, -1, 0)).toEqual({ bits: 10, step: 2 });
    expect(geohashMove({ bits: 0, step: 2 }, 0, -1)).toEqual({ bits: 5, step: 2 });
    expect(geohashMove({ bits: 15, step: 2 }, 1, 1)).toEqual({ bits: 0, step: 2 });
  });

  it('measures haversine distances in metres', () => {
    const [x1, y1] = decodeScore(3479099956230698);
    const [x2, y2] = decodeScore(3479447370796909);
    expect(geoDistance(x1, y1, x2, y2)).toBe(166274.15156960033);
    const [x3, y3] = decodeScore(geoScore(10, 20));
    const [x4, y4] = decodeScore(geoScore(10, 21));
    expect(geoDistance(x3, y3, x4, y4)).toBe(111226.09887864867);
  });
});
