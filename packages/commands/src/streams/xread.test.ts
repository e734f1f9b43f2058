// XREAD serves entries after the given IDs from every stream that has some, `$` meaning
// "after the last ID now"; with BLOCK it waits (in ms) for an XADD, times out with a null
// array, and never wakes with an empty result.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('XREAD', () => {
  it('reads entries after each ID from several streams', () => {
    const c = new Harness().client();
    c.call('XADD', 'a', '1-0', 'f', '1');
    c.call('XADD', 'a', '2-0', 'f', '2');
    c.call('XADD', 'b', '5-0', 'g', '5');
    expect(c.call('XREAD', 'STREAMS', 'a', 'b', 'nokey', '1-0', '0', '0')).toEqual([
      ['a', [['2-0', ['f', '2']]]],
      ['b', [['5-0', ['g', '5']]]],
    ]);
    expect(c.call('XREAD', 'COUNT', '1', 'STREAMS', 'a', '0-0')).toEqual([['a', [['1-0', ['f', '1']]]]]);
  });

  it('answers a null array when nothing is newer, and a map in RESP3', () => {
    const c = new Harness().client();
    c.call('XADD', 'a', '1-0', 'f', '1');
    expect(c.raw('XREAD', 'STREAMS', 'a', '$')).toBe('*-1\r\n');
    c.call('HELLO', '3');
    expect(c.call('XREAD', 'STREAMS', 'a', '0')).toEqual({ map: ['a', [['1-0', ['f', '1']]]] });
  });

  it('answers Redis errors for bad arguments', () => {
    const c = new Harness().client();
    expect(c.call('XREAD', 'STREAMS', 'a', 'b', '0')).toEqual({ error: "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified." });
    expect(c.call('XREAD', 'COUNT', '1', 'a', '0')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XREAD', 'GROUP', 'g', 'c', 'STREAMS', 'a', '0')).toEqual({ error: 'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.' });
    expect(c.call('XREAD', 'NOACK', 'STREAMS', 'a', '0')).toEqual({ error: 'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.' });
    expect(c.call('XREAD', 'STREAMS', 'a', '>')).toEqual({ error: 'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.' });
    expect(c.call('XREAD', 'STREAMS', 'a', 'x')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XREAD', 'BLOCK', '-1', 'STREAMS', 'a', '0')).toEqual({ error: 'ERR timeout is negative' });
    expect(c.call('XREAD', 'BLOCK', 'x', 'STREAMS', 'a', '0')).toEqual({ error: 'ERR timeout is not an integer or out of range' });
    c.call('SET', 'k', 'v');
    expect(c.call('XREAD', 'STREAMS', 'k', '0')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('BLOCK waits for an XADD after $ and serves only that stream', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('XADD', 'a', '1-0', 'old', 'x');
    expect(w.send('XREAD', 'BLOCK', '0', 'STREAMS', 'b', 'a', '$', '$')).toEqual([]);
    p.call('XADD', 'a', '2-0', 'new', 'y');
    expect(w.drain()).toEqual([[['a', [['2-0', ['new', 'y']]]]]]);
  });

  it('BLOCK times out after the given milliseconds with a null array', () => {
    const h = new Harness();
    const w = h.client();
    w.send('XREAD', 'BLOCK', '100', 'STREAMS', 'a', '$');
    h.advance(99);
    expect(w.drain()).toEqual([]);
    h.advance(1);
    expect(w.drain()).toEqual([null]);
  });

  it('a stream whose newer entry was deleted does not wake the reader with nothing', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('XADD', 's', '666', 'f', 'v');
    p.call('XADD', 's', '667', 'f', 'v');
    p.call('XDEL', 's', '667');
    w.send('XREAD', 'BLOCK', '0', 'STREAMS', 's', '666');
    p.call('XADD', 's', '668', 'f', 'v');
    expect(w.drain()).toEqual([[['s', [['668-0', ['f', 'v']]]]]]);
  });

  it('XADD then DEL inside MULTI does not wake the reader', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
    p.call('MULTI');
    p.call('XADD', 's', '1-0', 'old', 'x');
    p.call('DEL', 's');
    p.call('EXEC');
    expect(w.drain()).toEqual([]);
    p.call('XADD', 's', '2-0', 'new', 'y');
    expect(w.drain()).toEqual([[['s', [['2-0', ['new', 'y']]]]]]);
  });

  it('inside MULTI a BLOCK read answers at once', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
    expect(c.call('EXEC')).toEqual([null]);
  });

  it('reports its keys for COMMAND GETKEYS', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'XREAD', 'COUNT', '2', 'STREAMS', 'a', 'b', '0', '0')).toEqual(['a', 'b']);
  });
});
