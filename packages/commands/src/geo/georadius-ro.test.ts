// GEORADIUS_RO searches like GEORADIUS but refuses STORE and STOREDIST; expected values were
// taken from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEORADIUS_RO', () => {
  it('searches like GEORADIUS and treats STORE as a syntax error', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'WITHDIST', 'ASC')).toEqual([['Catania', '56.4413'], ['Palermo', '190.4424']]);
    expect(c.call('GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'STORE', 'dst')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'STOREDIST', 'dst')).toEqual({ error: 'ERR syntax error' });
  });
});
