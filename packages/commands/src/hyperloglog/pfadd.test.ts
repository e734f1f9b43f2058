// PFADD creates a sparse HLL with Redis's exact bytes, reports whether a register changed,
// counts dirty per change, emits pfadd, and refuses non-HLL values and corrupt ones.
import { Buffer } from 'node:buffer';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const hex = (s: unknown): string => Buffer.from(s as string, 'latin1').toString('hex');
const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('PFADD', () => {
  it('without elements creates an empty HLL whose cache bit is set', () => {
    const c = new Harness().client();
    expect(c.call('PFADD', 'h')).toBe(1);
    expect(c.call('EXISTS', 'h')).toBe(1);
    // Bytes as redis-server 7.0.15 stores them after the same PFADD.
    expect(hex(c.call('GET', 'h'))).toBe('48594c4c010000000000000000000080' + '7fff');
    expect(c.call('PFADD', 'h')).toBe(0);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('raw');
  });

  it('answers 1 when a register changed and 0 when none did, with Redis bytes', () => {
    const c = new Harness().client();
    expect(c.call('PFADD', 'h', 'a', 'b', 'c', 'foo', 'bar')).toBe(1);
    expect(c.call('PFADD', 'h', 'a', 'b', 'c')).toBe(0);
    expect(c.call('PFADD', 'h', '')).toBe(1);
    const c2 = new Harness().client();
    c2.call('PFADD', 'h', 'a', 'b', 'c', 'foo', 'bar');
    // From redis-server 7.0.15: PFADD h a b c foo bar; GET h.
    expect(hex(c2.call('GET', 'h'))).toBe('48594c4c0100000000000000000000805cb390443e804621804a8e844bfb80425a');
  });

  it('counts one change for the creation and one per changed register, and emits pfadd', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const before = h.keyspace.stats.dirty;
    c.call('PFADD', 'h', 'a', 'b', 'c');
    expect(h.keyspace.stats.dirty - before).toBe(4);
    c.call('PFADD', 'h', 'a');
    expect(h.keyspace.stats.dirty - before).toBe(4);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:pfadd', 'h']]);
  });

  it('promotes to dense past hll-sparse-max-bytes', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'hll-sparse-max-bytes', '100');
    const elements = Array.from({ length: 50 }, (_, i) => `e${i}`);
    c.call('PFADD', 'h', ...elements);
    expect(c.call('PFDEBUG', 'ENCODING', 'h')).toEqual({ simple: 'dense' });
    expect(c.call('STRLEN', 'h')).toBe(12304);
  });

  it('refuses other types and strings that are not HLLs', () => {
    const h = new Harness();
    const c = h.client();
    h.keyspace.db(0).add('l', list);
    c.call('SET', 's', 'bar');
    expect(c.call('PFADD', 'l', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('PFADD', 's', 'a')).toEqual({ error: 'WRONGTYPE Key is not a valid HyperLogLog string value.' });
    expect(c.call('GET', 's')).toBe('bar');
    expect(c.call('PFADD')).toEqual({ error: "ERR wrong number of arguments for 'pfadd' command" });
  });

  it('reports a sparse HLL whose opcodes do not reach the register as corrupt', () => {
    const c = new Harness().client();
    c.call('SET', 'h', 'HYLL\x01\0\0\0\0\0\0\0\0\0\0\x80\x00');
    expect(c.call('PFADD', 'h', 'a')).toEqual({ error: 'INVALIDOBJ Corrupted HLL object detected' });
  });
});
