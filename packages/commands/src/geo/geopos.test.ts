// GEOPOS decodes the stored cell centre and prints it as Redis's "%.17Lf" text (trailing zeros
// trimmed); expected values were taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEOPOS', () => {
  it('answers each member\'s decoded position and a null array for a missing one', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEOPOS', 'Sicily', 'Palermo', 'nope', 'Catania')).toEqual([
      ['13.36138933897018433', '38.11555639549629859'], null, ['15.08726745843887329', '37.50266842333162032'],
    ]);
    expect(c.raw('GEOPOS', 'Sicily', 'nope')).toBe('*1\r\n*-1\r\n');
  });

  it('clamps and trims at the corners of the supported area', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'edge', '180', '85.05112878', 'ne', '-180', '-85.05112878', 'sw');
    expect(c.call('GEOPOS', 'edge', 'ne', 'sw')).toEqual([
      ['180', '85.0511287799999991'], ['-179.99999731779098511', '-85.05112751263942528'],
    ]);
  });

  it('decodes any score a plain ZADD stored, as Redis\'s integer cast does', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '-5', 'neg', '123.7', 'frac');
    expect(c.call('GEOPOS', 'z', 'neg', 'frac')).toEqual([
      ['180', '85.0511287799999991'], ['-179.99995976686477661', '-85.05109456126433543'],
    ]);
  });

  it('answers nulls for a missing key and WRONGTYPE for another type', () => {
    const c = new Harness().client();
    expect(c.call('GEOPOS', 'nokey', 'a', 'b')).toEqual([null, null]);
    c.call('SET', 'str', 'v');
    expect(c.call('GEOPOS', 'str', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});

describe('GEOPOS over RESP3', () => {
  it('prints coordinates as doubles with the same "%.17Lf" digits as RESP2', () => {
    const c = new Harness().client();
    c.call('HELLO', 3);
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo');
    expect(c.raw('GEOPOS', 'Sicily', 'Palermo')).toBe('*1\r\n*2\r\n,13.36138933897018433\r\n,38.11555639549629859\r\n');
  });
});
