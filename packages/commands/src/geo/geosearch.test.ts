// GEOSEARCH: FROMMEMBER/FROMLONLAT centres, BYRADIUS/BYBOX shapes, options and Redis's errors;
// expected values were taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function sicily() {
  const c = new Harness().client();
  c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
  return c;
}

describe('GEOSEARCH', () => {
  it('finds the points inside a box, which is narrower than the circle around it', () => {
    const c = sicily();
    expect(c.call('GEOSEARCH', 'Sicily', 'FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km', 'ASC', 'WITHDIST')).toEqual([['Catania', '56.4413'], ['Palermo', '190.4424']]);
    expect(c.call('GEOSEARCH', 'Sicily', 'FROMLONLAT', '15', '37', 'BYBOX', '200', '200', 'km', 'WITHDIST')).toEqual([['Catania', '56.4413']]);
    expect(c.call('GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Catania', 'BYBOX', '100', '100', 'km')).toEqual(['Catania']);
  });

  it('finds the points inside a radius around a member, with ANY stopping at the first found', () => {
    const c = sicily();
    expect(c.call('GEOSEARCH', 'Sicily', 'frommember', 'Catania', 'BYRADIUS', '200', 'km', 'count', '1', 'any', 'withcoord')).toEqual([
      ['Palermo', ['13.36138933897018433', '38.11555639549629859']],
    ]);
    expect(c.call('GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Catania', 'BYRADIUS', '200', 'km', 'COUNT', '1')).toEqual(['Catania']);
  });

  it('keeps equal distances in the order Redis\'s sorts leave them', () => {
    const c = new Harness().client();
    const args: string[] = [];
    for (let i = 0; i < 40; i++) args.push('20', '20', `t${String(i).padStart(2, '0')}`);
    for (let i = 0; i < 10; i++) args.push('20.0001', '20', `u${String(i).padStart(2, '0')}`);
    c.call('GEOADD', 'ties', ...args);
    const search = (...a: string[]) => c.call('GEOSEARCH', 'ties', 'FROMLONLAT', '20', '20', 'BYRADIUS', '1', 'km', ...a);
    expect(search('COUNT', '3', 'ASC')).toEqual(['t12', 't01', 't02']);
    expect(search('COUNT', '3', 'DESC')).toEqual(['u09', 'u01', 'u02']);
    expect((search('ASC') as string[]).slice(0, 3)).toEqual(['t00', 't01', 't02']);
    expect((search('DESC') as string[]).slice(0, 3)).toEqual(['u00', 'u01', 'u02']);
  });

  it('answers Redis\'s errors for conflicting, missing or bad options', () => {
    const c = sicily();
    const s = (...a: string[]) => c.call('GEOSEARCH', 'Sicily', ...a);
    expect(s('FROMMEMBER', 'Palermo', 'FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km')).toEqual({ error: 'ERR syntax error' });
    expect(s('FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km', 'BYRADIUS', '200', 'km')).toEqual({ error: 'ERR syntax error' });
    expect(s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STORE', 'x')).toEqual({ error: 'ERR syntax error' });
    expect(s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST')).toEqual({ error: 'ERR syntax error' });
    expect(s('FROMLONLAT', '15', '37', 'BYBOX', '-1', '400', 'km')).toEqual({ error: 'ERR height or width cannot be negative' });
    expect(s('FROMLONLAT', '15', '37', 'BYBOX', 'x', '400', 'km')).toEqual({ error: 'ERR need numeric width' });
    expect(s('FROMLONLAT', '15', '37', 'BYBOX', '4', 'y', 'km')).toEqual({ error: 'ERR need numeric height' });
    expect(s('FROMMEMBER', 'nope', 'BYRADIUS', '200', 'km')).toEqual({ error: 'ERR could not decode requested zset member' });
    expect(c.call('GeoSearch', 'Sicily', 'BYBOX', '400', '400', 'km', 'ASC')).toEqual({ error: 'ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for GeoSearch' });
    expect(s('FROMLONLAT', '15', '37', 'ASC', 'WITHDIST')).toEqual({ error: 'ERR exactly one of BYRADIUS and BYBOX can be specified for GEOSEARCH' });
    expect(s('FROMLONLAT', '15', '37')).toEqual({ error: 'ERR wrong number of arguments for \'geosearch\' command' });
  });

  it('answers an empty array for a missing key, even with a missing member', () => {
    const c = sicily();
    expect(c.call('GEOSEARCH', 'nokey', 'FROMMEMBER', 'nope', 'BYRADIUS', '200', 'km')).toEqual([]);
    c.call('SET', 'str', 'v');
    expect(c.call('GEOSEARCH', 'str', 'FROMLONLAT', '13', '38', 'BYRADIUS', '1', 'km')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
