// PFDEBUG GETREG, DECODE, ENCODING and TODENSE inspect and convert an HLL as Redis does,
// with its error texts for missing keys, wrong encodings and unknown subcommands.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PFDEBUG', () => {
  it('DECODE lists sparse opcodes and ENCODING names the encoding', () => {
    const c = new Harness().client();
    c.call('PFADD', 'h', 'a', 'b', 'c', 'foo', 'bar');
    // As redis-server 7.0.15 decodes the same HLL.
    expect(c.call('PFDEBUG', 'DECODE', 'h')).toBe('Z:7348 v:5,1 Z:1087 v:1,1 Z:1570 v:1,1 Z:2703 v:2,1 Z:3068 v:1,1 Z:603');
    expect(c.call('PFDEBUG', 'encoding', 'h')).toEqual({ simple: 'sparse' });
  });

  it('TODENSE converts once, keeping the count; DECODE then refuses', () => {
    const h = new Harness();
    const c = h.client();
    c.call('PFADD', 'h', 'a', 'b', 'c');
    const before = h.keyspace.stats.dirty;
    expect(c.call('PFDEBUG', 'TODENSE', 'h')).toBe(1);
    expect(h.keyspace.stats.dirty - before).toBe(1);
    expect(c.call('PFDEBUG', 'TODENSE', 'h')).toBe(0);
    expect(c.call('STRLEN', 'h')).toBe(12304);
    expect(c.call('PFDEBUG', 'ENCODING', 'h')).toEqual({ simple: 'dense' });
    expect(c.call('PFCOUNT', 'h')).toBe(3);
    expect(c.call('PFDEBUG', 'DECODE', 'h')).toEqual({ error: 'ERR HLL encoding is not sparse' });
  });

  it('GETREG answers the 16384 registers, converting a sparse HLL to dense', () => {
    const c = new Harness().client();
    c.call('PFADD', 'h', 'a', 'b', 'c', 'foo', 'bar');
    const regs = c.call('PFDEBUG', 'GETREG', 'h') as number[];
    expect(regs.length).toBe(16384);
    expect([regs[7348], regs[8436], regs[10007], regs[12711], regs[15780]]).toEqual([5, 1, 1, 2, 1]);
    expect(regs.reduce((a, b) => a + b, 0)).toBe(10);
    expect(c.call('PFDEBUG', 'ENCODING', 'h')).toEqual({ simple: 'dense' });
  });

  it('answers Redis errors for a missing key, a non-HLL, a corrupt HLL and an unknown subcommand', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'bar');
    c.call('PFADD', 'h', 'a');
    expect(c.call('PFDEBUG', 'GETREG', 'nokey')).toEqual({ error: 'ERR The specified key does not exist' });
    expect(c.call('PFDEBUG', 'foo', 'nokey')).toEqual({ error: 'ERR The specified key does not exist' });
    expect(c.call('PFDEBUG', 'ENCODING', 's')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
    expect(c.call('PFDEBUG', 'foo', 'h')).toEqual({ error: "ERR Unknown PFDEBUG subcommand 'foo'" });
    expect(c.call('PFDEBUG', 'GETREG', 'h', 'x')).toEqual({ error: "ERR wrong number of arguments for 'pfdebug' command" });
    c.call('APPEND', 'h', 'hello');
    expect(c.call('PFDEBUG', 'TODENSE', 'h')).toEqual({ error: 'INVALIDOBJ Corrupted HLL object detected' });
  });
});
