// GEORADIUSBYMEMBER searches around a member's stored position; expected values were taken
// from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEORADIUSBYMEMBER', () => {
  it('searches around the member, which is at distance 0 from itself', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '200', 'km', 'WITHDIST', 'DESC')).toEqual([['Catania', '166.2742'], ['Palermo', '0.0000']]);
    expect(c.call('GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '100', 'km', 'STORE', 'out')).toBe(1);
    expect(c.call('ZRANGE', 'out', 0, -1, 'WITHSCORES')).toEqual(['Palermo', '3479099956230698']);
  });

  it('answers an error for a missing member, and nothing at all for a missing key', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo');
    expect(c.call('GEORADIUSBYMEMBER', 'Sicily', 'nope', '200', 'km')).toEqual({ error: 'ERR could not decode requested zset member' });
    // Without the key Redis never parses the radius.
    expect(c.call('GEORADIUSBYMEMBER', 'nokey', 'nope', 'abc', 'km')).toEqual([]);
    c.call('SET', 'dst', 'x');
    expect(c.call('GEORADIUSBYMEMBER', 'nokey', 'nope', '200', 'km', 'STORE', 'dst')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
  });
});
