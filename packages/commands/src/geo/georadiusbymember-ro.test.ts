// GEORADIUSBYMEMBER_RO searches around a member but refuses STORE; expected values were taken
// from a real redis-server 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('GEORADIUSBYMEMBER_RO', () => {
  it('searches around the member and treats STORE as a syntax error', () => {
    const c = new Harness().client();
    c.call('GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    expect(c.call('GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'km', 'WITHHASH')).toEqual([
      ['Palermo', 3479099956230698], ['Catania', 3479447370796909],
    ]);
    expect(c.call('GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'km', 'STORE', 'dst')).toEqual({ error: 'ERR syntax error' });
  });
});
