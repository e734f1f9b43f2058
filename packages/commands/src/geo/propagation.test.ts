// Proves what geo commands send to the AOF and replicas, as Redis 7.0.15 does: GEOADD as the
// ZADD it amounts to (scores as integers), the STORE forms as sent, nothing when nothing changed.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('geo propagation', () => {
  it('GEOADD propagates as zadd with its options and the geohash scores', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('GEOADD', 'g', '13.361389', '38.115556', 'Palermo');
    c.call('GEOADD', 'g', 'CH', 'nx', '15.087269', '37.502669', 'Catania', '13.361389', '38.115556', 'Palermo');
    c.call('GEOADD', 'g', 'NX', '13.361389', '38.115556', 'Palermo');
    c.call('GEOSEARCHSTORE', 'gd', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km');
    c.call('GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 'gd2');
    c.call('GEOSEARCHSTORE', 'gd', 'g', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km');
    c.call('GEOSEARCHSTORE', 'gd', 'g', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['zadd', 'g', '3479099956230698', 'Palermo'],
      ['zadd', 'g', 'CH', 'nx', '3479447370796909', 'Catania', '3479099956230698', 'Palermo'],
      ['GEOSEARCHSTORE', 'gd', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 'gd2'],
      ['GEOSEARCHSTORE', 'gd', 'g', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'],
    ]);
  });
});
