// Proves what string commands send to the AOF and replicas, as Redis 7.0.15 does: relative and
// absolute expiries as SET … PXAT, GET dropped, GETEX as PEXPIREAT/PERSIST/DEL, GETDEL as DEL,
// GETSET as SET, INCRBYFLOAT as SET … KEEPTTL, and nothing for writes that changed nothing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup(config?: Record<string, string>) {
  const h = new Harness(config ? { config } : {});
  return { h, c: h.client(), now: h.clock.nowMs(), fx: h.recordEffects() };
}

describe('string propagation', () => {
  it('SET with EX, PX, EXAT or PXAT propagates as SET key value PXAT absolute-ms', () => {
    const { c, now, fx } = setup();
    const s = Math.floor(now / 1000);
    c.call('SET', 'k', 'v', 'EX', '200');
    c.call('SET', 'k', 'v', 'px', '100000');
    c.call('SET', 'k', 'v', 'EXAT', String(s + 100));
    c.call('SET', 'k', 'v', 'PXAT', String(now + 5));
    c.call('SET', 'k', 'v', 'NX', 'EX', '10');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', 'v', 'PXAT', String(now + 200_000)],
      ['SET', 'k', 'v', 'PXAT', String(now + 100_000)],
      ['SET', 'k', 'v', 'PXAT', String((s + 100) * 1000)],
      ['SET', 'k', 'v', 'PXAT', String(now + 5)],
    ]);
  });

  it('SET … GET propagates without every GET token; KEEPTTL and NX stay', () => {
    const { c, now, fx } = setup();
    c.call('SET', 'k', 'v', 'GET');
    c.call('set', 'k', 'w', 'get', 'KEEPTTL', 'Get');
    c.call('SET', 'k', 'x', 'GET', 'XX', 'EX', '5');
    c.call('SET', 'get', 'get', 'GET');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', 'v'],
      ['set', 'k', 'w', 'KEEPTTL'],
      ['SET', 'k', 'x', 'PXAT', String(now + 5000)],
      ['SET', 'get', 'get'],
    ]);
  });

  it('SETEX and PSETEX propagate as SET key value PXAT absolute-ms', () => {
    const { c, now, fx } = setup();
    c.call('SETEX', 'a', '100', 'v');
    c.call('PSETEX', 'b', '100000', 'w');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'a', 'v', 'PXAT', String(now + 100_000)],
      ['SET', 'b', 'w', 'PXAT', String(now + 100_000)],
    ]);
  });

  it('GETEX propagates as PEXPIREAT, PERSIST, DEL, or nothing', () => {
    const { c, now, fx } = setup();
    c.call('SET', 'k', 'v', 'EX', '100');
    c.call('GETEX', 'k', 'PERSIST');
    c.call('GETEX', 'k', 'PERSIST');
    c.call('GETEX', 'k');
    c.call('GETEX', 'k', 'EX', '200');
    c.call('GETEX', 'k', 'PX', '200000');
    c.call('GETEX', 'k', 'EXAT', String(Math.floor(now / 1000) + 100));
    c.call('GETEX', 'k', 'PXAT', String(now + 100_000));
    c.call('GETEX', 'missing', 'EX', '5');
    c.call('GETEX', 'k', 'EXAT', String(Math.floor(now / 1000) - 100));
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', 'v', 'PXAT', String(now + 100_000)],
      ['PERSIST', 'k'],
      ['PEXPIREAT', 'k', String(now + 200_000)],
      ['PEXPIREAT', 'k', String(now + 200_000)],
      ['PEXPIREAT', 'k', String((Math.floor(now / 1000) + 100) * 1000)],
      ['PEXPIREAT', 'k', String(now + 100_000)],
      ['DEL', 'k'],
    ]);
  });

  it('GETEX with a past absolute time propagates UNLINK under lazyfree-lazy-expire', () => {
    const { c, fx } = setup({ 'lazyfree-lazy-expire': 'yes' });
    c.call('SET', 'k', 'v');
    c.call('GETEX', 'k', 'PXAT', '1');
    expect(fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v'], ['UNLINK', 'k']]);
  });

  it('GETDEL propagates as DEL (UNLINK under lazyfree-lazy-user-del), nothing when missing', () => {
    const plain = setup();
    plain.c.call('SET', 'k', 'v');
    plain.c.call('GETDEL', 'k');
    plain.c.call('GETDEL', 'k');
    expect(plain.fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v'], ['DEL', 'k']]);
    const lazy = setup({ 'lazyfree-lazy-user-del': 'yes' });
    lazy.c.call('SET', 'k', 'v');
    lazy.c.call('GETDEL', 'k');
    expect(lazy.fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v'], ['UNLINK', 'k']]);
  });

  it('GETSET propagates as SET; INCRBYFLOAT as SET with the result and KEEPTTL', () => {
    const { c, fx } = setup();
    c.call('GETSET', 'k', '1.5');
    c.call('INCRBYFLOAT', 'k', '0.1');
    c.call('INCRBYFLOAT', 'n', '3.0e3');
    c.call('INCRBYFLOAT', 'k', 'x');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', '1.5'],
      ['SET', 'k', '1.6', 'KEEPTTL'],
      ['SET', 'n', '3000', 'KEEPTTL'],
    ]);
  });

  it('other string writes propagate as sent, and failed or no-op writes not at all', () => {
    const { c, fx } = setup();
    c.call('MSET', 'a', '1', 'b', '2');
    c.call('MSETNX', 'a', '3', 'c', '4');
    c.call('APPEND', 'a', 'x');
    c.call('INCR', 'a');
    c.call('SETRANGE', 'b', '0', '');
    c.call('SETNX', 'b', '9');
    expect(fx).toEqual([['SELECT', '0'], ['MSET', 'a', '1', 'b', '2'], ['APPEND', 'a', 'x']]);
  });
});
