// BZPOPMIN pops at once when it can, otherwise blocks until a ZADD, serving waiters in order;
// times out with a null array, never blocks inside MULTI, and checks its timeout first.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BZPOPMIN', () => {
  it('pops at once from the first non-empty sorted set', () => {
    const c = new Harness().client();
    c.call('ZADD', 'b', '1', 'x', '2', 'y');
    expect(c.call('BZPOPMIN', 'a', 'b', '0')).toEqual(['b', 'x', '1']);
    c.call('SET', 's', 'v');
    expect(c.call('BZPOPMIN', 's', 'b', '0')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('blocks until a ZADD, first waiter first', () => {
    const h = new Harness();
    const [w1, w2, p] = [h.client(), h.client(), h.client()];
    expect(w1.send('BZPOPMIN', 'q', '0')).toEqual([]);
    expect(w2.send('BZPOPMIN', 'q', '0')).toEqual([]);
    p.call('ZADD', 'q', '2', 'b', '1', 'a');
    expect(w1.drain()).toEqual([['q', 'a', '1']]);
    expect(w2.drain()).toEqual([['q', 'b', '2']]);
    expect(p.call('EXISTS', 'q')).toBe(0);
  });

  it('serves a client blocked on several keys from the key made ready first', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BZPOPMIN', 'za', 'zb', 0);
    p.call('MULTI');
    p.call('ZADD', 'zb', 1, 'from-b');
    p.call('ZADD', 'za', 1, 'from-a');
    p.call('EXEC');
    expect(w.drain()).toEqual([['zb', 'from-b', '1']]);
    expect(p.call('ZRANGE', 'za', 0, -1)).toEqual(['from-a']);
  });

  it('keeps waiting when the key made ready is not a sorted set', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BZPOPMIN', 'za', 'zb', 0);
    p.call('MULTI');
    p.call('SET', 'zb', 'str');
    p.call('ZADD', 'za', 2, 'from-a');
    p.call('EXEC');
    expect(w.drain()).toEqual([['za', 'from-a', '2']]);
  });

  it('times out with a null array and does not block inside MULTI', () => {
    const h = new Harness();
    const w = h.client();
    w.send('BZPOPMIN', 'q', '0.5');
    h.advance(500);
    expect(w.drain()).toEqual([null]);
    w.call('MULTI');
    w.call('BZPOPMIN', 'q', '0');
    expect(w.call('EXEC')).toEqual([null]);
  });

  it('refuses a bad timeout', () => {
    const c = new Harness().client();
    expect(c.call('BZPOPMIN', 'q', 'x')).toEqual({ error: 'ERR timeout is not a float or out of range' });
    expect(c.call('BZPOPMIN', 'q', '-1')).toEqual({ error: 'ERR timeout is negative' });
  });
});
