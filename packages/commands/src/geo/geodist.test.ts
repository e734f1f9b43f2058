// GEODIST answers the haversine distance with four decimals in the requested unit; expected
// values were taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEODIST', () => {
  it('answers the distance in metres by default and in any unit, case-insensitively', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Catania')).toBe('166274.1516');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Catania', 'km')).toBe('166.2742');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Catania', 'KM')).toBe('166.2742');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Catania', 'mi')).toBe('103.3182');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Catania', 'ft')).toBe('545518.8700');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'Palermo')).toBe('0.0000');
  });

  it('answers null when a member or the key is missing', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo');
    expect(c.call('GEODIST', 'Sicily', 'Palermo', 'nope')).toBeNull();
    expect(c.call('GEODIST', 'nokey', 'a', 'b')).toBeNull();
  });

  it('rejects an unknown unit and extra arguments before looking at the key', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('GEODIST', 'str', 'a', 'b', 'yd')).toEqual({ error: 'ERR unsupported unit provided. please use M, KM, FT, MI' });
    expect(c.call('GEODIST', 'str', 'a', 'b', 'km', 'x')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('GEODIST', 'str', 'a', 'b')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
