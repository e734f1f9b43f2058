// XADD appends with generated, partial and explicit IDs, trims with MAXLEN/MINID (= and ~,
// LIMIT), honours NOMKSTREAM, and answers Redis's exact errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  return { h, c: h.client() };
}

describe('XADD', () => {
  it('generates ms-seq IDs from the clock, bumping seq within one ms', () => {
    const { h, c } = setup();
    const now = h.clock.nowMs();
    expect(c.call('XADD', 's', '*', 'a', '1')).toBe(`${now}-0`);
    expect(c.call('XADD', 's', '*', 'a', '2')).toBe(`${now}-1`);
    h.advance(5);
    expect(c.call('XADD', 's', '*', 'a', '3')).toBe(`${now + 5}-0`);
  });

  it('accepts explicit IDs and refuses equal or smaller ones', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', '5-2', 'f', 'v')).toBe('5-2');
    expect(c.call('XADD', 's', '5', 'f', 'v')).toEqual({ error: 'ERR The ID specified in XADD is equal or smaller than the target stream top item' });
    expect(c.call('XADD', 's', '5-2', 'f', 'v')).toEqual({ error: 'ERR The ID specified in XADD is equal or smaller than the target stream top item' });
    expect(c.call('XADD', 's', '4-*', 'f', 'v')).toEqual({ error: 'ERR The ID specified in XADD is equal or smaller than the target stream top item' });
    expect(c.call('XADD', 's', '5-*', 'f', 'v')).toBe('5-3');
    expect(c.call('XADD', 's', '9-*', 'f', 'v')).toBe('9-0');
  });

  it('refuses 0-0 without creating the key, but takes 0-*', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', '0-0', 'f', 'v')).toEqual({ error: 'ERR The ID specified in XADD must be greater than 0-0' });
    expect(c.call('EXISTS', 's')).toBe(0);
    expect(c.call('XADD', 's', '0-*', 'f', 'v')).toBe('0-1');
  });

  it('handles the largest IDs and their overflow errors', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', '18446744073709551615-18446744073709551614', 'a', 'b')).toBe('18446744073709551615-18446744073709551614');
    expect(c.call('XADD', 's', '*', 'c', 'd')).toBe('18446744073709551615-18446744073709551615');
    expect(c.call('XADD', 's', '*', 'c', 'd')).toEqual({ error: 'ERR The stream has exhausted the last possible ID, unable to add more items' });
    c.call('DEL', 's');
    c.call('XADD', 's', '1-18446744073709551615', 'a', 'b');
    // 7.0.15 fails this path without setting errno, so it answers with the generic text.
    expect(c.call('XADD', 's', '1-*', 'c', 'd')).toEqual({ error: 'ERR Elements are too large to be stored' });
    expect(c.call('XADD', 's', '1-0', 'c', 'd')).toEqual({ error: 'ERR The ID specified in XADD is equal or smaller than the target stream top item' });
  });

  it('refuses an ms-* MINID: only the entry ID may leave its sequence to the stream', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', 'MINID', '1-*', '2-1', 'f', 'v')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XADD', 's', 'MINID', '1', '2-*', 'f', 'v')).toBe('2-0');
  });

  it('answers invalid IDs and odd field lists with Redis errors', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', 'abc', 'f', 'v')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XADD', 's', '-', 'f', 'v')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XADD', 's', '1-2-3', 'f', 'v')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XADD', 's', '*', 'f', 'v', 'g')).toEqual({ error: "ERR wrong number of arguments for 'xadd' command" });
    expect(c.call('XADD', 's', '*', 'f')).toEqual({ error: "ERR wrong number of arguments for 'xadd' command" });
  });

  it('NOMKSTREAM answers null and creates nothing on a missing key', () => {
    const { c } = setup();
    expect(c.call('XADD', 's', 'NOMKSTREAM', '*', 'f', 'v')).toBe(null);
    expect(c.call('EXISTS', 's')).toBe(0);
    c.call('XADD', 's', '1-1', 'f', 'v');
    expect(c.call('XADD', 's', 'NOMKSTREAM', '2-1', 'f', 'v')).toBe('2-1');
  });

  it('trims exactly with MAXLEN and MAXLEN =', () => {
    const { c } = setup();
    for (let i = 1; i <= 10; i++) c.call('XADD', 's', 'MAXLEN', '5', `${i}-0`, 'i', String(i));
    expect(c.call('XLEN', 's')).toBe(5);
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', '1')).toEqual([['6-0', ['i', '6']]]);
    c.call('XADD', 's', 'MAXLEN', '=', '2', '11-0', 'i', '11');
    expect(c.call('XLEN', 's')).toBe(2);
  });

  it('trims by whole nodes only with MAXLEN ~', () => {
    const { c } = setup();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '100');
    for (let i = 1; i <= 1000; i++) c.call('XADD', 's', 'MAXLEN', '~', '555', `${i}-0`, 'xitem', String(i));
    expect(c.call('XLEN', 's')).toBe(600);
  });

  it('trims with MINID and MINID ~', () => {
    const { c } = setup();
    for (let i = 1; i <= 5; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    expect(c.call('XADD', 's', 'MINID', '3', '6-0', 'f', 'v')).toBe('6-0');
    expect((c.call('XRANGE', 's', '-', '+') as [string][]).map((e) => e[0])).toEqual(['3-0', '4-0', '5-0', '6-0']);
    c.call('XADD', 's', 'MINID', '~', '5', '7-0', 'f', 'v');
    expect(c.call('XLEN', 's')).toBe(5);
  });

  it('an obeyed client (the AOF loader) applies a propagated exact trim that still carries LIMIT', () => {
    const { c } = setup();
    for (let i = 1; i <= 10; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    c.session.mustObey = true;
    expect(c.call('XADD', 's', 'MAXLEN', '=', '4', 'LIMIT', '3', '11-0', 'f', 'v')).toBe('11-0');
    expect(c.call('XLEN', 's')).toBe(4);
    expect(c.call('XTRIM', 's', 'MAXLEN', '=', '2', 'LIMIT', '1')).toBe(2);
  });

  it('LIMIT caps approximate trimming and needs ~', () => {
    const { c } = setup();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '1');
    for (let i = 1; i <= 10; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    c.call('XADD', 's', 'MAXLEN', '~', '0', 'LIMIT', '3', '11-0', 'f', 'v');
    expect(c.call('XLEN', 's')).toBe(8);
    expect(c.call('XADD', 's', 'MAXLEN', '0', 'LIMIT', '3', '*', 'f', 'v')).toEqual({ error: 'ERR syntax error, LIMIT cannot be used without the special ~ option' });
    expect(c.call('XADD', 's', 'LIMIT', '3', '*', 'f', 'v')).toEqual({ error: 'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy' });
    expect(c.call('XADD', 's', 'MAXLEN', '-1', '*', 'f', 'v')).toEqual({ error: 'ERR The MAXLEN argument must be >= 0.' });
    expect(c.call('XADD', 's', 'MAXLEN', '1', 'MINID', '1', '*', 'f', 'v')).toEqual({ error: 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible' });
    expect(c.call('XADD', 's', 'MAXLEN', '~', '1', 'LIMIT', '-1', '*', 'f', 'v')).toEqual({ error: 'ERR The LIMIT argument must be >= 0.' });
  });

  it('answers WRONGTYPE on another type', () => {
    const { c } = setup();
    c.call('SET', 'k', 'v');
    expect(c.call('XADD', 'k', '*', 'f', 'v')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits xadd and xtrim events', () => {
    const { h, c } = setup();
    c.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEt');
    const sub = h.client();
    sub.call('PSUBSCRIBE', '__keyspace@0__:*');
    sub.drain();
    c.call('XADD', 's', '1-0', 'f', 'v');
    c.call('XADD', 's', 'MAXLEN', '0', '2-0', 'f', 'v');
    expect(sub.drain().map((p) => (p as string[])[3])).toEqual(['xadd', 'xadd', 'xtrim']);
  });
});
