// RANDOMKEY answers a live key chosen at random, nil for an empty database.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RANDOMKEY', () => {
  it('answers each key sometimes', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'x');
    c.call('SET', 'bar', 'y');
    const seen = new Set<unknown>();
    for (let i = 0; i < 100; i++) seen.add(c.call('RANDOMKEY'));
    expect([...seen].sort()).toEqual(['bar', 'foo']);
  });

  it('answers nil for an empty database and after the only key was deleted', () => {
    const c = new Harness().client();
    expect(c.call('RANDOMKEY')).toBeNull();
    c.call('SET', 'x', '10');
    c.call('DEL', 'x');
    expect(c.call('RANDOMKEY')).toBeNull();
  });

  it('deletes expired keys it draws and answers a live one', () => {
    const h = new Harness();
    const c = h.client();
    for (let i = 0; i < 300; i++) c.call('SET', `e${i}`, 'v', 'PX', 5);
    c.call('SET', 'live', 'v');
    h.advance(6);
    expect(c.call('RANDOMKEY')).toBe('live');
  });
});
