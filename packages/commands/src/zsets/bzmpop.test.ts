// BZMPOP pops up to COUNT members from the first non-empty key, now or when one arrives;
// argument errors come before the timeout's, a timeout answers a null array.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BZMPOP', () => {
  it('pops now or after a ZADD', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('ZADD', 'b', '1', 'x', '2', 'y');
    expect(w.call('BZMPOP', '0', '2', 'a', 'b', 'MAX', 'COUNT', '5')).toEqual(['b', [['y', '2'], ['x', '1']]]);
    w.send('BZMPOP', '0', '1', 'a', 'MIN');
    p.call('ZADD', 'a', '3', 'm');
    expect(w.drain()).toEqual([['a', [['m', '3']]]]);
    w.send('BZMPOP', '0.1', '1', 'a', 'MIN');
    h.advance(100);
    expect(w.drain()).toEqual([null]);
  });

  it('checks its arguments before the timeout', () => {
    const c = new Harness().client();
    expect(c.call('BZMPOP', 'x', '1', 'a', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BZMPOP', 'x', '1', 'a', 'MIN')).toEqual({ error: 'ERR timeout is not a float or out of range' });
    expect(c.call('COMMAND', 'GETKEYS', 'BZMPOP', '0', '2', 'a', 'b', 'MIN')).toEqual(['a', 'b']);
  });
});
