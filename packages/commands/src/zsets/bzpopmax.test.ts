// BZPOPMAX pops the highest member, now or when one arrives.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BZPOPMAX', () => {
  it('pops from the top, now or after a ZADD', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('ZADD', 'z', '1', 'a', '2', 'b');
    expect(w.call('BZPOPMAX', 'z', '0')).toEqual(['z', 'b', '2']);
    w.send('BZPOPMAX', 'e', '0');
    p.call('ZADD', 'e', '5', 'x', '7', 'y');
    expect(w.drain()).toEqual([['e', 'y', '7']]);
  });
});
