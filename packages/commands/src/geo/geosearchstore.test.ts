// GEOSEARCHSTORE stores the found members with their geohash scores, or their distances with
// STOREDIST, and deletes the destination for an empty result; expected values were taken from
// a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function sicily() {
  const h = new Harness();
  const c = h.client();
  c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
  return { h, c };
}

describe('GEOSEARCHSTORE', () => {
  it('stores the members with their geohash scores, replacing any type', () => {
    const { c } = sicily();
    c.call('SET', 'dst', 'x');
    expect(c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km')).toBe(2);
    expect(c.call('ZRANGE', 'dst', 0, -1, 'WITHSCORES')).toEqual(['Palermo', '3479099956230698', 'Catania', '3479447370796909']);
    expect(c.call('OBJECT', 'ENCODING', 'dst')).toBe('listpack');
  });

  it('STOREDIST stores distances in the unit, after COUNT and ordering', () => {
    const { c } = sicily();
    expect(c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'desc', 'count', '1', 'storedist')).toBe(1);
    expect(c.call('ZRANGE', 'dst', 0, -1, 'WITHSCORES')).toEqual(['Palermo', '190.44242984775784']);
    expect(c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'BYBOX', '400', '400', 'km', 'FROMLONLAT', '15', '37', 'ASC', 'COUNT', '2', 'STOREDIST')).toBe(2);
    expect(c.call('ZRANGE', 'dst', 0, -1, 'WITHSCORES')).toEqual(['Catania', '56.441257870158204', 'Palermo', '190.44242984775784']);
  });

  it('deletes the destination when nothing is found or the source is missing', () => {
    const { c } = sicily();
    c.call('SET', 'dst', 'x');
    expect(c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
    c.call('SET', 'dst', 'x');
    expect(c.call('GEOSEARCHSTORE', 'dst', 'nokey', 'FROMMEMBER', 'nope', 'BYRADIUS', '1', 'km')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
  });

  it('emits geosearchstore for a stored result and del for an emptied destination', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '13', '38', 'BYRADIUS', '100', 'km');
    c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km');
    c.call('GEORADIUS', 'Sicily', '13', '38', '100', 'km', 'STORE', 'dst');
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:geosearchstore', 'dst'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'dst'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:georadiusstore', 'dst'],
    ]);
  });

  it('refuses the WITH* options', () => {
    const { c } = sicily();
    expect(c.call('GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'WITHDIST')).toEqual({
      error: 'ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options',
    });
  });
});
