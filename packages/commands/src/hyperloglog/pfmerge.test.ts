// PFMERGE stores the register-wise maximum in the first key (sparse unless a source is
// dense), with Redis's bytes, one pfadd event, and the type checks of every key.
import { Buffer } from 'node:buffer';
import { Harness } from '@cinnabar/testing';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

const sha256 = (s: unknown): string => createHash('sha256').update(Buffer.from(s as string, 'latin1')).digest('hex');
const range = (n: number, p: string): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('PFMERGE', () => {
  it('merges into the union of the sets', () => {
    const c = new Harness().client();
    c.call('PFADD', 'h1', 'a', 'b', 'c');
    c.call('PFADD', 'h2', 'b', 'c', 'd');
    c.call('PFADD', 'h3', 'c', 'd', 'e');
    expect(c.call('PFMERGE', 'h', 'h1', 'h2', 'h3')).toEqual({ simple: 'OK' });
    expect(c.call('PFCOUNT', 'h')).toBe(5);
    expect(c.call('PFMERGE', 'h1', 'h2')).toEqual({ simple: 'OK' });
    expect(c.call('PFCOUNT', 'h1')).toBe(4);
  });

  it('produces the bytes redis-server 7.0.15 produces, sparse or dense', () => {
    const c = new Harness().client();
    c.call('PFADD', 'small', 'a', 'b', 'c', 'foo', 'bar');
    for (let i = 0; i < 1000; i += 100) c.call('PFADD', 'h1k', ...range(100, '').map((_, j) => `el:${i + j}`));
    for (let i = 0; i < 100000; i += 100) c.call('PFADD', 'h100k', ...range(100, '').map((_, j) => `el:${i + j}`));
    // Digests and counts from redis-server 7.0.15 after the same commands.
    c.call('PFMERGE', 'm', 'small', 'h1k');
    expect(c.call('PFDEBUG', 'ENCODING', 'm')).toEqual({ simple: 'sparse' });
    expect(sha256(c.call('GET', 'm'))).toBe('3b7469a285f03f4c03d8e15e5301e585de8ce48520224552249d1d4f001c4459');
    expect(c.call('PFCOUNT', 'm')).toBe(1004);
    c.call('PFMERGE', 'm2', 'small', 'h100k');
    expect(sha256(c.call('GET', 'm2'))).toBe('cb97b8956050ad12a3caed166e17fd697efab7a610fd41308619cd1afbb4c81b');
    expect(c.call('PFCOUNT', 'm2')).toBe(98895);
    expect(c.call('PFCOUNT', 'h1k', 'h100k', 'small')).toBe(98895);
  });

  it('with no existing source creates an empty HLL and emits pfadd once', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const before = h.keyspace.stats.dirty;
    expect(c.call('PFMERGE', 'd', 'nokey')).toEqual({ simple: 'OK' });
    expect(h.keyspace.stats.dirty - before).toBe(1);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:pfadd', 'd']]);
    expect(c.call('PFCOUNT', 'd')).toBe(0);
  });

  it('refuses wrong types in the destination or the sources and corrupt sources', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'bar');
    c.call('PFADD', 'h', 'a');
    expect(c.call('PFMERGE', 'bar', 'foo')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
    expect(c.call('PFMERGE', 'foo', 'h')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
    expect(c.call('EXISTS', 'bar')).toBe(0);
    c.call('APPEND', 'h', 'hello');
    expect(c.call('PFMERGE', 'd', 'h')).toEqual({ error: 'INVALIDOBJ Corrupted HLL object detected' });
    expect(c.call('EXISTS', 'd')).toBe(0);
  });
});
