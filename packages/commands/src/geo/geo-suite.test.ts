// Scenarios from Redis 7.0.15's tests/unit/geo.tcl (edge cells, poles, antimeridian, narrow
// boxes, huge radii), with the expected replies that suite asserts.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function nyc() {
  const c = new Harness().client();
  c.call('GEOADD', 'nyc', '-73.9454966', '40.747533', 'lic market');
  c.call('GEOADD', 'nyc', '-73.9733487', '40.7648057', 'central park n/q/r', '-73.9903085', '40.7362513', 'union square',
    '-74.0131604', '40.7126674', 'wtc one', '-73.7858139', '40.6428986', 'jfk', '-73.9375699', '40.7498929', 'q4', '-73.9564142', '40.7480973', '4545');
  return c;
}

describe('geo.tcl scenarios', () => {
  it('stores the NYC set with the suite\'s scores', () => {
    expect(nyc().call('ZRANGE', 'nyc', 0, -1, 'WITHSCORES')).toEqual([
      'wtc one', '1791873972053020', 'union square', '1791875485187452', 'central park n/q/r', '1791875761332224',
      '4545', '1791875796750882', 'lic market', '1791875804419201', 'q4', '1791875830079666', 'jfk', '1791895905559723',
    ]);
  });

  it('searches the NYC set as the suite expects', () => {
    const c = nyc();
    expect(c.call('GEORADIUS', 'nyc', '-73.9798091', '40.7598464', '3', 'km', 'asc')).toEqual(['central park n/q/r', '4545', 'union square']);
    expect(c.call('GEOSEARCH', 'nyc', 'fromlonlat', '-73.9798091', '40.7598464', 'bybox', '6', '6', 'km', 'asc')).toEqual(['central park n/q/r', '4545', 'union square', 'lic market']);
    expect(c.call('GEORADIUS', 'nyc', '-73.9798091', '40.7598464', '10', 'km', 'COUNT', '2', 'DESC')).toEqual(['wtc one', 'q4']);
    expect(c.call('GEORADIUSBYMEMBER', 'nyc', 'wtc one', '7', 'km')).toEqual(['wtc one', 'union square', 'central park n/q/r', '4545', 'lic market']);
    expect(c.call('GEOSEARCH', 'nyc', 'frommember', 'wtc one', 'bybox', '14', '14', 'km')).toEqual(['wtc one', 'union square', 'central park n/q/r', '4545', 'lic market', 'q4']);
    expect(c.call('GEORADIUSBYMEMBER', 'nyc', 'wtc one', '7', 'km', 'withdist')).toEqual([
      ['wtc one', '0.0000'], ['union square', '3.2544'], ['central park n/q/r', '6.7000'], ['4545', '6.1975'], ['lic market', '6.8969'],
    ]);
  });

  it('finds a point with a huge radius (issue #2767)', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'users', '-47.271613776683807', '-54.534504198047678', 'user_000000');
    expect((c.call('GEORADIUS', 'users', '0', '0', '50000', 'km', 'WITHCOORD') as unknown[]).length).toBe(1);
  });

  it('covers points in oblique directions and across the pole', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'k1', '-0.15307903289794921875', '85', 'n1', '0.3515625', '85.00019260486917005437', 'n2');
    expect(c.call('GEORADIUSBYMEMBER', 'k1', 'n1', '4891.94', 'm')).toEqual(['n1', 'n2']);
    c.call('DEL', 'k1');
    c.call('GEOADD', 'k1', '-4.95211958885192871094', '85', 'n3', '11.25', '85.0511', 'n4');
    expect(c.call('GEORADIUSBYMEMBER', 'k1', 'n3', '156544', 'm')).toEqual(['n3', 'n4']);
    c.call('DEL', 'k1');
    c.call('GEOADD', 'k1', '-45', '65.50900022111811438208', 'n5', '90', '85.0511', 'n6');
    expect(c.call('GEORADIUSBYMEMBER', 'k1', 'n5', '5009431', 'm')).toEqual(['n5', 'n6']);
    c.call('DEL', 'k1');
    c.call('GEOADD', 'k1', '45', '65', 'n1', '-135', '85.05', 'n2');
    expect(c.call('GEORADIUSBYMEMBER', 'k1', 'n1', '5009431', 'm')).toEqual(['n1', 'n2']);
  });

  it('keeps boxes exact: long and narrow, corners, and across ±180°', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '12.75', '36.995', 'test1', '12.75', '36.50', 'test2', '13.00', '36.50', 'test3');
    expect(c.call('GEOSEARCH', 'Sicily', 'fromlonlat', '15', '37', 'bybox', '400', '2', 'km')).toEqual(['test1']);
    c.call('GEOADD', 'Sicily', '-1', '37.00', 'test3');
    expect(c.call('GEOSEARCH', 'Sicily', 'fromlonlat', '15', '37', 'bybox', '3000', '2', 'km', 'asc')).toEqual(['test1', 'test3']);
    c.call('DEL', 'Sicily');
    c.call('GEOADD', 'Sicily', '12.758489', '38.788135', 'edge1', '17.241510', '38.788135', 'edge2', '17.250000', '35.202000', 'edge3',
      '12.750000', '35.202000', 'edge4', '12.748489955781654', '37', 'edge5', '15', '38.798135872540925', 'edge6', '17.251510044218346', '37', 'edge7',
      '15', '35.201864127459075', 'edge8', '12.692799634687903', '38.798135872540925', 'corner1', '12.692799634687903', '38.798135872540925', 'corner2',
      '17.200560937451133', '35.201864127459075', 'corner3', '12.799439062548865', '35.201864127459075', 'corner4');
    expect((c.call('GEOSEARCH', 'Sicily', 'fromlonlat', '15', '37', 'bybox', '400', '400', 'km', 'asc') as string[]).sort()).toEqual(['edge1', 'edge2', 'edge5', 'edge7']);
    c.call('GEOADD', 'points', '179.5', '36', 'point1', '-179.5', '36', 'point2');
    expect(c.call('GEOSEARCH', 'points', 'fromlonlat', '179', '37', 'bybox', '400', '400', 'km', 'asc')).toEqual(['point1', 'point2']);
    expect(c.call('GEOSEARCH', 'points', 'fromlonlat', '-179', '37', 'bybox', '400', '400', 'km', 'asc')).toEqual(['point2', 'point1']);
  });

  it('reports small distances with four decimals', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'points', '-122.407107', '37.794300', '1', '-122.227336', '37.794300', '2');
    expect(c.call('GEORADIUS', 'points', '-122.407107', '37.794300', '30', 'mi', 'ASC', 'WITHDIST')).toEqual([['1', '0.0001'], ['2', '9.8182']]);
  });
});
