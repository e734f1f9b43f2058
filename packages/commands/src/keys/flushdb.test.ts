// FLUSHDB empties the selected database only, with optional ASYNC or SYNC.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('FLUSHDB', () => {
  it('empties the selected database and leaves the others', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SELECT', 1);
    c.call('SET', 'b', '1');
    expect(c.call('FLUSHDB')).toEqual({ simple: 'OK' });
    expect(c.call('DBSIZE')).toBe(0);
    c.call('SELECT', 0);
    expect(c.call('DBSIZE')).toBe(1);
  });

  it('accepts ASYNC and SYNC in any case and nothing else', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    expect(c.call('FLUSHDB', 'async')).toEqual({ simple: 'OK' });
    expect(c.call('FLUSHDB', 'SYNC')).toEqual({ simple: 'OK' });
    c.call('SET', 'a', '1');
    expect(c.call('FLUSHDB', 'foo')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('FLUSHDB', 'ASYNC', 'foo')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('DBSIZE')).toBe(1);
  });

  it('makes a WATCH on a flushed key fail', () => {
    const h = new Harness();
    const c = h.client();
    const w = h.client();
    c.call('SET', 'a', '1');
    w.call('WATCH', 'a');
    c.call('FLUSHDB');
    w.call('MULTI');
    w.call('PING');
    expect(w.call('EXEC')).toBeNull();
  });
});
