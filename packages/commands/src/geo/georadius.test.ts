// GEORADIUS searches around coordinates: distances, hashes and coordinates as Redis prints
// them, ordering, COUNT [ANY], STORE/STOREDIST and the errors; expected values were taken
// from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function sicily() {
  const h = new Harness();
  const c = h.client();
  c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
  return { h, c };
}

describe('GEORADIUS', () => {
  it('answers members with distance, hash and coordinates, nearest first with ASC', () => {
    const { c } = sicily();
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD', 'WITHHASH', 'ASC')).toEqual([
      ['Catania', '56.4413', 3479447370796909, ['15.08726745843887329', '37.50266842333162032']],
      ['Palermo', '190.4424', 3479099956230698, ['13.36138933897018433', '38.11555639549629859']],
    ]);
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '100', 'km')).toEqual(['Catania']);
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '1', 'km')).toEqual([]);
  });

  it('COUNT keeps the first results of the order, DESC reverses it', () => {
    const { c } = sicily();
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'COUNT', '1', 'DESC', 'WITHDIST')).toEqual([['Palermo', '190.4424']]);
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'COUNT', '1')).toEqual(['Catania']);
  });

  it('STORE keeps the geohash scores and STOREDIST the distances in the unit', () => {
    const { c } = sicily();
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'out')).toBe(2);
    expect(c.call('ZRANGE', 'out', 0, -1, 'WITHSCORES')).toEqual(['Palermo', '3479099956230698', 'Catania', '3479447370796909']);
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STOREDIST', 'out')).toBe(2);
    expect(c.call('ZRANGE', 'out', 0, -1, 'WITHSCORES')).toEqual(['Catania', '56.441257870158204', 'Palermo', '190.44242984775784']);
  });

  it('STORE of an empty result deletes the destination and answers 0', () => {
    const { c } = sicily();
    c.call('SET', 'out', 'x');
    expect(c.call('GEORADIUS', 'Sicily', '15', '37', '1', 'km', 'STORE', 'out')).toBe(0);
    expect(c.call('EXISTS', 'out')).toBe(0);
    expect(c.call('GEORADIUS', 'nokey', '15', '37', '1', 'km', 'STORE', 'Sicily')).toBe(0);
    expect(c.call('EXISTS', 'Sicily')).toBe(0);
  });

  it('reports the keys after the first STORE and STOREDIST to COMMAND GETKEYS', () => {
    const { c } = sicily();
    const keys = (...a: string[]) => c.call('COMMAND', 'GETKEYS', 'GEORADIUS', 'src', '1', '1', '1', 'km', ...a);
    expect(keys('STOREDIST', 'b', 'STORE', 'a')).toEqual(['src', 'a', 'b']);
    expect(keys('STORE', 'a', 'STORE', 'c')).toEqual(['src', 'a']);
    expect(keys('storedist')).toEqual(['src']);
    expect(keys()).toEqual(['src']);
    expect(c.call('COMMAND', 'GETKEYS', 'GEORADIUSBYMEMBER', 'src', 'm', '1', 'km', 'storedist', 'x')).toEqual(['src', 'x']);
  });

  it('answers Redis\'s errors for bad options', () => {
    const { c } = sicily();
    const e = (...a: string[]) => c.call('GEORADIUS', 'Sicily', '15', '37', ...a);
    expect(e('200', 'km', 'WITHDIST', 'STORE', 'x')).toEqual({ error: 'ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options' });
    expect(e('200', 'km', 'ANY')).toEqual({ error: 'ERR the ANY argument requires COUNT argument' });
    expect(e('200', 'km', 'COUNT', '0')).toEqual({ error: 'ERR COUNT must be > 0' });
    expect(e('200', 'km', 'COUNT', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(e('200', 'km', 'COUNT')).toEqual({ error: 'ERR syntax error' });
    expect(e('-1', 'km')).toEqual({ error: 'ERR radius cannot be negative' });
    expect(e('abc', 'km')).toEqual({ error: 'ERR need numeric radius' });
    expect(e('200', 'yd')).toEqual({ error: 'ERR unsupported unit provided. please use M, KM, FT, MI' });
    expect(c.call('GEORADIUS', 'Sicily', '15', '86', '200', 'km')).toEqual({ error: 'ERR invalid longitude,latitude pair 15.000000,86.000000' });
    expect(c.call('GEORADIUS', 'Sicily', 'x', '37', '200', 'km')).toEqual({ error: 'ERR value is not a valid float' });
  });

  it('answers an empty array for a missing key and WRONGTYPE for another type', () => {
    const { c } = sicily();
    expect(c.call('GEORADIUS', 'nokey', '15', '37', '200', 'km')).toEqual([]);
    c.call('SET', 'str', 'v');
    expect(c.call('GEORADIUS', 'str', '15', '37', '200', 'km')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
