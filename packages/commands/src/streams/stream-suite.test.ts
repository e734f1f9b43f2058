// Cases from Redis's own tests/unit/type/stream.tcl: ID edges for XREAD (blocking or not)
// and XADD, and how LIMIT and ~ bound trimming.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('stream.tcl parity', () => {
  it('XREAD streamID edge, with and without blocking', () => {
    const h = new Harness();
    const [w, c] = [h.client(), h.client()];
    w.send('XREAD', 'BLOCK', '0', 'STREAMS', 'x', '1-18446744073709551615');
    c.call('XADD', 'x', '1-1', 'f', 'v');
    c.call('XADD', 'x', '1-18446744073709551615', 'f', 'v');
    expect(w.drain()).toEqual([]);
    c.call('XADD', 'x', '2-1', 'f', 'v');
    expect(w.drain()).toEqual([[['x', [['2-1', ['f', 'v']]]]]]);
    expect(c.call('XREAD', 'BLOCK', '0', 'STREAMS', 'x', '1-18446744073709551615')).toEqual([['x', [['2-1', ['f', 'v']]]]]);
  });

  it('XADD * after a maximal sequence moves to the next millisecond', () => {
    const c = new Harness().client();
    c.call('XADD', 'x', '2577343934890-18446744073709551615', 'f', 'v');
    expect(c.call('XADD', 'x', '*', 'f2', 'v2')).toBe('2577343934891-0');
  });

  it('XADD with LIMIT consecutive calls', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '10');
    for (let j = 0; j < 100; j++) c.call('XADD', 'm', '*', 'xitem', 'v');
    c.call('XADD', 'm', 'MAXLEN', '~', '55', 'LIMIT', '30', '*', 'xitem', 'v');
    expect(c.call('XLEN', 'm')).toBe(71);
    c.call('XADD', 'm', 'MAXLEN', '~', '55', 'LIMIT', '30', '*', 'xitem', 'v');
    expect(c.call('XLEN', 'm')).toBe(62);
  });

  it('XTRIM with ~ is limited to 100 nodes by default', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '1');
    for (let j = 0; j < 102; j++) c.call('XADD', 'm', '*', 'xitem', 'v');
    c.call('XTRIM', 'm', 'MAXLEN', '~', '1');
    expect(c.call('XLEN', 'm')).toBe(2);
  });

  it('XTRIM with LIMIT deletes no more than the limit, whole nodes only', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '2');
    for (let j = 0; j < 3; j++) c.call('XADD', 'm', '*', 'xitem', 'v');
    expect(c.call('XTRIM', 'm', 'MAXLEN', '~', '0', 'LIMIT', '1')).toBe(0);
    expect(c.call('XTRIM', 'm', 'MAXLEN', '~', '0', 'LIMIT', '2')).toBe(2);
  });

  it('XADD with MINID > last ID empties the stream but keeps the new entry', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-0', 'f', 'v');
    expect(c.call('XADD', 's', 'MINID', '9', '2-0', 'f', 'v')).toBe('2-0');
    expect(c.call('XLEN', 's')).toBe(0);
  });
});
