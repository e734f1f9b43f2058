// PFCOUNT estimates as Redis does, caches the estimate in the header (a modification without
// an event), unions several keys without touching them, and detects corrupt HLLs.
import { Buffer } from 'node:buffer';
import { Harness } from '@cinnabar/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const hex = (s: unknown): string => Buffer.from(s as string, 'latin1').toString('hex');
const range = (n: number, p: string): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('PFCOUNT', () => {
  it('is 0 for a missing key and approximates the cardinality', () => {
    const c = new Harness().client();
    expect(c.call('PFCOUNT', 'h')).toBe(0);
    c.call('PFADD', 'h', 1, 2, 3, 4, 5);
    expect(c.call('PFCOUNT', 'h')).toBe(5);
    c.call('PFADD', 'h', 6, 7, 8, 8, 9, 10);
    expect(c.call('PFCOUNT', 'h')).toBe(10);
  });

  it('gives the counts redis-server 7.0.15 gives for the same elements', () => {
    const c = new Harness().client();
    for (let i = 0; i < 1000; i += 100) c.call('PFADD', 'h', ...range(100, 'el:').map((_, j) => `el:${i + j}`));
    // redis-server 7.0.15: 999, cached as e703000000000000.
    expect(c.call('PFCOUNT', 'h')).toBe(999);
    expect(hex(c.call('GETRANGE', 'h', 8, 15))).toBe('e703000000000000');
    c.call('PFADD', 'x', ...range(20000, 'x'));
    expect(c.call('PFCOUNT', 'x')).toBe(19985);
  });

  it('counts the same for a sparse key and a dense key fed the same elements', () => {
    const c = new Harness().client();
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 120 }), (elements) => {
        c.call('DEL', 'sparse', 'dense');
        c.call('PFADD', 'dense');
        c.call('PFDEBUG', 'TODENSE', 'dense');
        if (elements.length > 0) {
          c.call('PFADD', 'sparse', ...elements);
          c.call('PFADD', 'dense', ...elements);
        }
        expect(c.call('PFDEBUG', 'ENCODING', 'dense')).toEqual({ simple: 'dense' });
        expect(c.call('PFCOUNT', 'sparse')).toBe(c.call('PFCOUNT', 'dense'));
      }),
      { numRuns: 100 },
    );
  });

  it('writes the cache and clears the invalid bit; a later change sets it again', () => {
    const c = new Harness().client();
    c.call('PFADD', 'h', 'a', 'b', 'c');
    expect(hex(c.call('GETRANGE', 'h', 15, 15))).toBe('80');
    c.call('PFCOUNT', 'h');
    expect(hex(c.call('GETRANGE', 'h', 15, 15))).toBe('00');
    c.call('PFADD', 'h', 'a', 'b', 'c');
    expect(hex(c.call('GETRANGE', 'h', 15, 15))).toBe('00');
    c.call('PFADD', 'h', 1, 2, 3);
    expect(hex(c.call('GETRANGE', 'h', 15, 15))).toBe('80');
  });

  it('answers the cached value as stored, without recounting', () => {
    const c = new Harness().client();
    c.call('SET', 'h', 'HYLL\x01\0\0\0\x2a\0\0\0\0\0\0\0\x7f\xff');
    expect(c.call('PFCOUNT', 'h')).toBe(42);
    c.call('SETRANGE', 'h', 14, '\x7f');
    expect(c.call('PFCOUNT', 'h')).toBe(35747322042253354n);
  });

  it('refreshing the cache counts as a write for dirty and WATCH but emits no event', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const w = h.client();
    const s = h.client();
    c.call('PFADD', 'h', 'a');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    w.call('WATCH', 'h');
    const before = h.keyspace.stats.dirty;
    c.call('PFCOUNT', 'h');
    c.call('PFCOUNT', 'h');
    expect(h.keyspace.stats.dirty - before).toBe(1);
    expect(s.drain()).toEqual([]);
    w.call('MULTI');
    w.call('PING');
    expect(w.call('EXEC')).toBeNull();
  });

  it('with several keys counts the union, missing keys as empty, leaving the keys as they were', () => {
    const c = new Harness().client();
    c.call('PFADD', 'a', 'x', 'y', 'z');
    c.call('PFADD', 'b', 'y', 'z', 'w');
    const bytes = c.call('GET', 'a');
    expect(c.call('PFCOUNT', 'a', 'b', 'missing')).toBe(4);
    expect(c.call('GET', 'a')).toBe(bytes);
  });

  it('refuses wrong types and corrupt HLLs with Redis errors', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'bar');
    c.call('LPUSH', 'l', 'a');
    c.call('PFADD', 'h', 'a', 'b', 'c');
    expect(c.call('PFCOUNT', 's')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
    expect(c.call('PFCOUNT', 'h', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    c.call('APPEND', 'h', 'hello');
    expect(c.call('PFCOUNT', 'h')).toEqual({ error: 'INVALIDOBJ Corrupted HLL object detected' });
    expect(c.call('PFCOUNT', 'h', 'missing')).toEqual({ error: 'INVALIDOBJ Corrupted HLL object detected' });
    c.call('SETRANGE', 'h', 0, '0123');
    expect(c.call('PFCOUNT', 'h')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
  });

  it('a dense header with the wrong length is not an HLL', () => {
    const c = new Harness().client();
    c.call('PFADD', 'h', 'a', 'b', 'c');
    c.call('SETRANGE', 'h', 4, '\x00');
    expect(c.call('PFCOUNT', 'h')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
  });

  it('an HLL copied in with SET becomes raw once PFCOUNT touches it', () => {
    const c = new Harness().client();
    c.call('SET', 'h', 'HYLL\x01\0\0\0\0\0\0\0\0\0\0\x80\x7f\xff');
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('embstr');
    expect(c.call('PFCOUNT', 'h')).toBe(0);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('raw');
  });
});
