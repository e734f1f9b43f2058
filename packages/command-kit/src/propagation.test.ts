// Proves the one write path: writes become effects in order, reads do not, handlers can
// rewrite or prevent their own propagation, expirations propagate as DEL before the command
// that found them, EXEC wraps more than one effect in MULTI/EXEC, forced commands propagate
// unchanged (PUBLISH to replicas only) and SCAN/RANDOMKEY batches stay unwrapped.
import { describe, expect, it } from 'vitest';
import { Harness } from '@cinnabar/testing';

describe('propagation', () => {
  it('propagates writes and not reads, with SELECT on database changes', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('SET', 'a', '1');
    c.call('GET', 'a');
    c.call('SELECT', '3');
    c.call('INCR', 'b');
    expect(fx).toEqual([['SELECT', '0'], ['SET', 'a', '1'], ['SELECT', '3'], ['INCR', 'b']]);
  });

  it('does not propagate a write command that changed nothing', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('DEL', 'missing');
    c.call('SETNX', 'k', 'v');
    c.call('SETNX', 'k', 'w');
    expect(fx).toEqual([['SELECT', '0'], ['SETNX', 'k', 'v']]);
  });

  it('propagates an expiry found by a read as DEL, and by a write before the write, wrapped', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', '1', 'PX', '10');
    c.call('SET', 'y', '1', 'PX', '10');
    h.advance(20);
    const fx = h.recordEffects();
    c.call('GET', 'x');
    c.call('LPUSH', 'y', 'v');
    expect(fx).toEqual([['SELECT', '0'], ['DEL', 'x'], ['MULTI'], ['DEL', 'y'], ['LPUSH', 'y', 'v'], ['EXEC']]);
  });

  it('wraps EXEC with several writes in MULTI/EXEC and propagates a single write bare', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('MULTI');
    c.call('SET', 'a', '1');
    c.call('GET', 'a');
    c.call('SET', 'b', '2');
    c.call('EXEC');
    c.call('MULTI');
    c.call('GET', 'a');
    c.call('EXEC');
    c.call('MULTI');
    c.call('INCR', 'n');
    c.call('EXEC');
    expect(fx).toEqual([['SELECT', '0'], ['MULTI'], ['SET', 'a', '1'], ['SET', 'b', '2'], ['EXEC'], ['INCR', 'n']]);
  });

  it('lets a handler rewrite or prevent its own propagation', () => {
    const h = new Harness();
    const p = h.core.propagation;
    const seen: string[][] = [];
    p.subscribe((batch) => seen.push(...batch.map((e) => [...e.argv])));
    p.enter();
    p.rewrite(['SET', 'k', 'v', 'PXAT', '100']);
    p.leave(0, ['SET', 'k', 'v', 'PX', '10'], true);
    p.enter();
    p.also(0, ['SREM', 's', 'a']);
    p.prevent();
    p.leave(0, ['SPOP', 's'], true);
    expect(seen).toEqual([['SET', 'k', 'v', 'PXAT', '100'], ['SREM', 's', 'a']]);
  });

  it('serves a blocked client and propagates what its retry wrote', () => {
    const h = new Harness();
    const a = h.client();
    const b = h.client();
    const fx = h.recordEffects();
    a.send('BLPOP', 'q', '0');
    b.call('RPUSH', 'q', 'x');
    expect(fx[0]).toEqual(['SELECT', '0']);
    expect(fx[1]).toEqual(['RPUSH', 'q', 'x']);
    expect(fx.length).toBe(3);
  });

  it('propagates a forced command that changed nothing, marking replicas-only effects', () => {
    const h = new Harness();
    const c = h.client();
    const batches: { argv: readonly string[]; replOnly?: boolean }[][] = [];
    h.core.propagation.subscribe((batch) => batches.push([...batch]));
    c.call('FLUSHALL');
    c.call('PUBLISH', 'ch', 'm');
    c.call('MULTI');
    c.call('SET', 'a', '1');
    c.call('PUBLISH', 'ch', 'm');
    c.call('EXEC');
    expect(batches).toEqual([
      [{ db: 0, argv: ['FLUSHALL'] }],
      [{ db: 0, argv: ['PUBLISH', 'ch', 'm'], replOnly: true }],
      [{ db: 0, argv: ['MULTI'] }, { db: 0, argv: ['SET', 'a', '1'] },
        { db: 0, argv: ['PUBLISH', 'ch', 'm'], replOnly: true }, { db: 0, argv: ['EXEC'] }],
    ]);
  });

  it('a force or prevent in one call does not leak into the next', () => {
    const h = new Harness();
    const p = h.core.propagation;
    const seen: string[][] = [];
    p.subscribe((batch) => seen.push(...batch.map((e) => [...e.argv])));
    p.enter();
    p.force('repl');
    p.leave(0, ['PUBLISH', 'c', 'm'], false);
    p.enter();
    p.leave(0, ['GET', 'k'], false);
    p.enter();
    p.prevent();
    p.leave(0, ['XREADGROUP'], true);
    p.enter();
    p.leave(0, ['SET', 'k', 'v'], true);
    expect(seen).toEqual([['PUBLISH', 'c', 'm'], ['SET', 'k', 'v']]);
  });
});
