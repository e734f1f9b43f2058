// GEOADD stores 52-bit geohash scores, honours NX/XX/CH, and rejects bad pairs with Redis's
// texts; expected values were taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEOADD', () => {
  it('stores each member under its interleaved geohash score', () => {
    const c = new Harness().client();
    expect(c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania')).toBe(2);
    expect(c.call('ZRANGE', 'Sicily', 0, -1, 'WITHSCORES')).toEqual(['Palermo', '3479099956230698', 'Catania', '3479447370796909']);
    expect(c.call('TYPE', 'Sicily')).toEqual({ simple: 'zset' });
  });

  it('CH counts updates, XX only updates and NX only adds', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEOADD', 'Sicily', 'ch', 'xx', '13.361389', '38.115556', 'Palermo', '13', '38', 'Catania', '1', '1', 'nope')).toBe(1);
    expect(c.call('GEOADD', 'Sicily', 'nx', '15.087269', '37.502669', 'Catania', '12', '37', 'Agrigento')).toBe(1);
    expect(c.call('ZRANGE', 'Sicily', 0, -1, 'WITHSCORES')).toEqual([
      'Agrigento', '3475952690022668', 'Catania', '3479065152021743', 'Palermo', '3479099956230698',
    ]);
    expect(c.call('GEOADD', 'missing', 'xx', '1', '1', 'a')).toBe(0);
    expect(c.call('EXISTS', 'missing')).toBe(0);
  });

  it('rejects coordinates outside the limits, printing them with %f', () => {
    const c = new Harness().client();
    expect(c.call('GEOADD', 'k', '0.0078125', '95', 'x')).toEqual({ error: 'ERR invalid longitude,latitude pair 0.007812,95.000000' });
    expect(c.call('GEOADD', 'k', '1e30', '-1e30', 'x')).toEqual({
      error: 'ERR invalid longitude,latitude pair 1000000000000000019884624838656.000000,-1000000000000000019884624838656.000000',
    });
    expect(c.call('GEOADD', 'k', '181', '-1.0000005', 'x')).toEqual({ error: 'ERR invalid longitude,latitude pair 181.000000,-1.000001' });
    expect(c.call('GEOADD', 'k', 'abc', '1', 'x')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('answers syntax errors for incomplete triples, NX with XX, or no triple at all', () => {
    const c = new Harness().client();
    expect(c.call('GEOADD', 'k', '13', '38')).toEqual({ error: 'ERR wrong number of arguments for \'geoadd\' command' });
    expect(c.call('GEOADD', 'k', '13', '38', 'a', '1')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('GEOADD', 'k', 'nx', 'xx', '13', '38', 'a')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('GEOADD', 'k', 'ch', 'ch', 'ch')).toEqual({ error: 'ERR syntax error' });
  });

  it('answers WRONGTYPE for a key of another type, after checking the coordinates', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('GEOADD', 'str', '13', '95', 'x')).toEqual({ error: 'ERR invalid longitude,latitude pair 13.000000,95.000000' });
    expect(c.call('GEOADD', 'str', '13', '38', 'x')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('accepts the exact corners of the supported area', () => {
    const c = new Harness().client();
    expect(c.call('GEOADD', 'edge', '180', '85.05112878', 'ne', '-180', '-85.05112878', 'sw')).toBe(2);
    expect(c.call('ZRANGE', 'edge', 0, -1, 'WITHSCORES')).toEqual(['sw', '0', 'ne', '13510798882111488']);
  });
});
