// FLUSHALL empties every database, with optional ASYNC or SYNC.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('FLUSHALL', () => {
  it('empties every database', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SELECT', 5);
    c.call('SET', 'b', '1');
    expect(c.call('FLUSHALL', 'ASYNC')).toEqual({ simple: 'OK' });
    expect(c.call('DBSIZE')).toBe(0);
    c.call('SELECT', 0);
    expect(c.call('DBSIZE')).toBe(0);
  });

  it('rejects any other argument', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    expect(c.call('FLUSHALL', 'now')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('DBSIZE')).toBe(1);
  });
});
