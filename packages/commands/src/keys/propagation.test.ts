// Proves what keyspace commands send to the AOF and replicas, as Redis 7.0.15 does: the EXPIRE
// family as PEXPIREAT with the absolute time, a past time as DEL (UNLINK when lazy), FLUSHALL
// and FLUSHDB always, MOVE/COPY/RENAME/SWAPDB as sent, lazy expiry as DEL, and SCAN/RANDOMKEY
// expirations unwrapped.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup(config?: Record<string, string>) {
  const h = new Harness(config ? { config } : {});
  return { h, c: h.client(), now: h.clock.nowMs(), fx: h.recordEffects() };
}

/** Two keys already expired but not yet deleted, recording from then on. */
function twoExpired() {
  const h = new Harness();
  const c = h.client();
  c.call('SET', 'foo1', 'bar', 'PX', '1');
  c.call('SET', 'foo2', 'bar', 'PX', '1');
  h.advance(2);
  return { c, fx: h.recordEffects() };
}

describe('keyspace propagation', () => {
  it('EXPIRE, PEXPIRE and EXPIREAT propagate as PEXPIREAT absolute-ms, keeping their options', () => {
    const { c, now, fx } = setup();
    const s = Math.floor(now / 1000);
    c.call('SET', 'k', 'v');
    c.call('EXPIRE', 'k', '100', 'NX');
    c.call('expire', 'k', '50', 'NX');
    c.call('PEXPIRE', 'k', '200000', 'xx');
    c.call('EXPIREAT', 'k', String(s + 1000), 'GT');
    c.call('PEXPIREAT', 'k', String(now + 5000), 'LT');
    c.call('pexpireat', 'k', String(now + 6000));
    c.call('EXPIRE', 'missing', '10');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', 'v'],
      ['PEXPIREAT', 'k', String(now + 100_000), 'NX'],
      ['PEXPIREAT', 'k', String(now + 200_000), 'xx'],
      ['PEXPIREAT', 'k', String((s + 1000) * 1000), 'GT'],
      ['PEXPIREAT', 'k', String(now + 5000), 'LT'],
      ['pexpireat', 'k', String(now + 6000)],
    ]);
  });

  it('an EXPIRE-family time already past propagates as DEL, or UNLINK under lazyfree-lazy-expire', () => {
    const plain = setup();
    plain.c.call('SET', 'a', 'v');
    plain.c.call('EXPIRE', 'a', '-1');
    plain.c.call('SET', 'b', 'v');
    plain.c.call('PEXPIREAT', 'b', '1');
    expect(plain.fx).toEqual([['SELECT', '0'], ['SET', 'a', 'v'], ['DEL', 'a'], ['SET', 'b', 'v'], ['DEL', 'b']]);
    const lazy = setup({ 'lazyfree-lazy-expire': 'yes' });
    lazy.c.call('SET', 'a', 'v');
    lazy.c.call('EXPIREAT', 'a', '1');
    expect(lazy.fx).toEqual([['SELECT', '0'], ['SET', 'a', 'v'], ['UNLINK', 'a']]);
  });

  it('PERSIST propagates only when it removed a TTL', () => {
    const { c, now, fx } = setup();
    c.call('SET', 'k', 'v');
    c.call('PERSIST', 'k');
    c.call('PEXPIREAT', 'k', String(now + 10));
    c.call('PERSIST', 'k');
    expect(fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v'], ['PEXPIREAT', 'k', String(now + 10)], ['PERSIST', 'k']]);
  });

  it('FLUSHALL and FLUSHDB propagate as sent even when nothing was there', () => {
    const { c, fx } = setup();
    c.call('FLUSHALL');
    c.call('FLUSHDB', 'ASYNC');
    c.call('flushall', 'sync');
    c.call('FLUSHDB', 'bogus');
    expect(fx).toEqual([['SELECT', '0'], ['FLUSHALL'], ['FLUSHDB', 'ASYNC'], ['flushall', 'sync']]);
  });

  it('MOVE, COPY, RENAME and SWAPDB propagate as sent; DEL and UNLINK of nothing do not', () => {
    const { c, fx } = setup();
    c.call('SET', 'x', '1');
    c.call('MOVE', 'x', '1');
    c.call('MOVE', 'x', '1');
    c.call('SET', 'y', '2');
    c.call('COPY', 'y', 'z');
    c.call('COPY', 'y', 'z');
    c.call('RENAME', 'z', 'w');
    c.call('DEL', 'nothing');
    c.call('UNLINK', 'nothing');
    c.call('UNLINK', 'w', 'nothing');
    c.call('SWAPDB', '0', '1');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'x', '1'],
      ['MOVE', 'x', '1'],
      ['SET', 'y', '2'],
      ['COPY', 'y', 'z'],
      ['RENAME', 'z', 'w'],
      ['UNLINK', 'w', 'nothing'],
      ['SWAPDB', '0', '1'],
    ]);
  });

  it('DEL of an expired key propagates only the expiry (as DEL, UNLINK when lazy)', () => {
    const { h, c, fx } = setup({ 'lazyfree-lazy-expire': 'yes' });
    c.call('SET', 'k', 'v', 'PX', '10');
    h.advance(20);
    c.call('DEL', 'k');
    expect(fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v', 'PXAT', String(h.clock.nowMs() - 10)], ['UNLINK', 'k']]);
  });

  it('SCAN and RANDOMKEY propagate the expirations they find without MULTI/EXEC', () => {
    for (const cmd of [['SCAN', '0'], ['RANDOMKEY']]) {
      const { c, fx } = twoExpired();
      c.call(...cmd);
      expect(fx.slice(1).map((v) => v[0])).toEqual(['DEL', 'DEL']);
      expect(fx.slice(1).map((v) => v[1]).sort()).toEqual(['foo1', 'foo2']);
    }
  });

  it('expirations inside MULTI are wrapped with the transaction even for SCAN', () => {
    const { c, fx } = twoExpired();
    c.call('MULTI');
    c.call('SCAN', '0');
    c.call('EXEC');
    expect(fx.map((v) => v[0])).toEqual(['SELECT', 'MULTI', 'DEL', 'DEL', 'EXEC']);
  });
});
