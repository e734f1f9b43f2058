// Proves how transactions reach the AOF and replicas, as Redis 7.0.15's multi.tcl expects: one
// write bare, several wrapped in MULTI/EXEC with SELECTs between, nothing for empty, read-only
// or no-effect transactions; and a blocked client woken by SWAPDB onto an expired key
// propagates that key's expiry in its own database.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  return { h, c: h.client(), fx: h.recordEffects() };
}

describe('transaction propagation', () => {
  it('wraps several writes with the SELECTs they need, and leaves empty or no-effect ones out', () => {
    const { c, fx } = setup();
    c.call('MULTI');
    c.call('EXEC');
    c.call('MULTI');
    c.call('GET', 'foo');
    c.call('DEL', 'foo');
    c.call('EXEC');
    c.call('MULTI');
    c.call('SELECT', '1');
    c.call('SET', 'foo', 'bar');
    c.call('SELECT', '2');
    c.call('SET', 'foo2', 'bar2');
    c.call('EXEC');
    c.call('SET', 'foo3', 'bar3');
    expect(fx).toEqual([
      ['SELECT', '1'],
      ['MULTI'],
      ['SET', 'foo', 'bar'],
      ['SELECT', '2'],
      ['SET', 'foo2', 'bar2'],
      ['EXEC'],
      ['SET', 'foo3', 'bar3'],
    ]);
  });

  it('a single PUBLISH inside MULTI propagates bare', () => {
    const { c, fx } = setup();
    c.call('MULTI');
    c.call('PUBLISH', 'bla', 'bla');
    c.call('EXEC');
    expect(fx).toEqual([['SELECT', '0'], ['PUBLISH', 'bla', 'bla']]);
  });

  it('SWAPDB (also of one database with itself) propagates, and a woken client its expired key as DEL', () => {
    const { h, c, fx } = setup();
    const w = h.client();
    w.call('SELECT', '9');
    w.send('BRPOP', 'k', '0');
    c.call('SELECT', '1');
    c.call('RPUSH', 'k', 'hello');
    c.call('PEXPIRE', 'k', '100');
    h.advance(101);
    c.call('SWAPDB', '1', '9');
    c.call('SWAPDB', '0', '0');
    expect(fx).toEqual([
      ['SELECT', '1'],
      ['RPUSH', 'k', 'hello'],
      ['PEXPIREAT', 'k', String(h.clock.nowMs() - 1)],
      ['SWAPDB', '1', '9'],
      ['SELECT', '9'],
      ['DEL', 'k'],
      ['SELECT', '1'],
      ['SWAPDB', '0', '0'],
    ]);
    expect(h.core.blocking.count).toBe(1);
  });
});
