// GEOHASH re-encodes each decoded position on the standard ±90 latitude range as an
// 11-character base32 string; expected values were taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEOHASH', () => {
  it('answers the standard geohash of each member and null for missing ones', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania', '12', '37', 'Agrigento');
    expect(c.call('GEOHASH', 'Sicily', 'Palermo', 'Catania', 'nope', 'Agrigento')).toEqual(['sqc8b49rny0', 'sqdtr74hyu0', null, 'sq8d3pdhs70']);
  });

  it('encodes the corners of the supported area', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'edge', '180', '85.05112878', 'ne', '-180', '-85.05112878', 'sw');
    expect(c.call('GEOHASH', 'edge', 'ne', 'sw')).toEqual(['bp05b5048p0', '00bh0hbj200']);
  });

  it('answers nulls for a missing key and WRONGTYPE for another type', () => {
    const c = new Harness().client();
    expect(c.call('GEOHASH', 'nokey', 'a')).toEqual([null]);
    expect(c.call('GEOHASH', 'nokey')).toEqual([]);
    c.call('SET', 'str', 'v');
    expect(c.call('GEOHASH', 'str', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
