// Proves what stream commands send to the AOF and replicas, as Redis 7.0.15 does: XADD with the
// ID it got and `~` trims made exact, XREADGROUP/XCLAIM/XAUTOCLAIM as idempotent XCLAIMs (or
// XGROUP SETID / CREATECONSUMER), at once, inside MULTI and when a blocked reader is served.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup(config?: Record<string, string>) {
  const h = new Harness(config ? { config } : {});
  return { h, c: h.client(), now: h.clock.nowMs(), fx: h.recordEffects() };
}

/** The XCLAIM Redis propagates for one pending entry. */
function claim(key: string, group: string, consumer: string, id: string, time: number, count: number, lastId: string): string[] {
  return ['XCLAIM', key, group, consumer, '0', id, 'TIME', String(time), 'RETRYCOUNT', String(count), 'FORCE', 'JUSTID', 'LASTID', lastId];
}

/** Stream s with the given entries, all delivered to consumer c1 of group g. */
function pendingForC1(c: ReturnType<Harness['client']>, ...ids: string[]): void {
  for (const id of ids) c.call('XADD', 's', id, 'f', 'v');
  c.call('XGROUP', 'CREATE', 's', 'g', '0');
  c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 's', '>');
}

describe('stream propagation', () => {
  it('XADD propagates the ID it generated and exact forms of approximate trims', () => {
    const { c, now, fx } = setup();
    c.call('XADD', 's', '1-1', 'f', 'v');
    c.call('XADD', 's', '*', 'f', 'v');
    c.call('XADD', 't', '5-*', 'f', 'v');
    c.call('XADD', 's', 'MAXLEN', '~', '1', '*', 'f', 'v');
    c.call('XADD', 's', 'MAXLEN', '5', '*', 'f', 'v');
    c.call('XADD', 's', 'minid', '~', '0', '99999999999999-9', 'f', 'v');
    c.call('XADD', 'none', 'NOMKSTREAM', '*', 'f', 'v');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['XADD', 's', '1-1', 'f', 'v'],
      ['XADD', 's', `${now}-0`, 'f', 'v'],
      ['XADD', 't', '5-0', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '=', '3', `${now}-1`, 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '5', `${now}-2`, 'f', 'v'],
      ['XADD', 's', 'minid', '=', '1-1', '99999999999999-9', 'f', 'v'],
    ]);
  });

  it('XTRIM with ~ propagates = and the resulting length or first ID, and nothing if it trimmed nothing', () => {
    const { c, fx } = setup({ 'stream-node-max-entries': '2' });
    for (let i = 1; i <= 7; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    c.call('XTRIM', 's', 'MAXLEN', '~', '6');
    c.call('XTRIM', 's', 'MAXLEN', '~', '2');
    c.call('XTRIM', 's', 'MINID', '~', '6-0');
    c.call('XTRIM', 's', 'MINID', '~', '7-0');
    c.call('XTRIM', 's', 'MAXLEN', '0');
    expect(fx.slice(8)).toEqual([
      ['XTRIM', 's', 'MAXLEN', '=', '3'],
      ['XTRIM', 's', 'MINID', '=', '7-0'],
      ['XTRIM', 's', 'MAXLEN', '0'],
    ]);
  });

  it('XREADGROUP propagates an XCLAIM per delivered entry, NOACK a new consumer and SETID, history nothing', () => {
    const { h, c, now, fx } = setup();
    c.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    c.call('XADD', 's', '1-1', 'f', 'v');
    c.call('XADD', 's', '2-1', 'f', 'v');
    c.call('XADD', 's', '3-1', 'f', 'v');
    c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '1', 'STREAMS', 's', '>');
    c.call('XREADGROUP', 'GROUP', 'g', 'c2', 'NOACK', 'STREAMS', 's', '>');
    c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 's', '0');
    c.call('XREADGROUP', 'GROUP', 'g', 'c3', 'NOACK', 'STREAMS', 's', '>');
    h.advance(5);
    c.call('XGROUP', 'SETID', 's', 'g', '0');
    c.call('XREADGROUP', 'GROUP', 'g', 'c4', 'STREAMS', 's', '>');
    expect(fx.slice(5)).toEqual([
      claim('s', 'g', 'c1', '1-1', now, 1, '1-1'),
      ['MULTI'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c2'],
      ['XGROUP', 'SETID', 's', 'g', '3-1', 'ENTRIESREAD', '3'],
      ['EXEC'],
      ['XGROUP', 'SETID', 's', 'g', '0'],
      ['MULTI'],
      claim('s', 'g', 'c4', '1-1', now + 5, 1, '1-1'),
      claim('s', 'g', 'c4', '2-1', now + 5, 1, '2-1'),
      claim('s', 'g', 'c4', '3-1', now + 5, 1, '3-1'),
      ['EXEC'],
    ]);
  });

  it('XREADGROUP inside MULTI has its XCLAIMs wrapped with the transaction', () => {
    const { c, fx } = setup();
    for (const id of ['1-1', '2-1', '3-1']) c.call('XADD', 's', id, 'f', 'v');
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    c.call('MULTI');
    c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '2', 'STREAMS', 's', '>');
    c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 's', '>');
    c.call('EXEC');
    expect(fx.slice(5).map((v) => v.slice(0, 6))).toEqual([
      ['MULTI'],
      ['XCLAIM', 's', 'g', 'c1', '0', '1-1'],
      ['XCLAIM', 's', 'g', 'c1', '0', '2-1'],
      ['XCLAIM', 's', 'g', 'c1', '0', '3-1'],
      ['EXEC'],
    ]);
  });

  it('a blocked XREADGROUP served later propagates its XCLAIM, or with NOACK the consumer and SETID', () => {
    const { h, c, now, fx } = setup();
    c.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    h.client().send('XREADGROUP', 'GROUP', 'g', 'c1', 'BLOCK', '0', 'STREAMS', 's', '>');
    h.client().send('XREADGROUP', 'GROUP', 'g', 'c2', 'BLOCK', '0', 'NOACK', 'STREAMS', 's', '>');
    c.call('XADD', 's', '1-1', 'f', 'v');
    c.call('XADD', 's', '1-2', 'f', 'v');
    expect(fx.slice(2)).toEqual([
      ['XADD', 's', '1-1', 'f', 'v'],
      claim('s', 'g', 'c1', '1-1', now, 1, '1-1'),
      ['XADD', 's', '1-2', 'f', 'v'],
      ['MULTI'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c2'],
      ['XGROUP', 'SETID', 's', 'g', '1-2', 'ENTRIESREAD', '2'],
      ['EXEC'],
    ]);
  });

  it('XCLAIM propagates each claim with the ID as sent, or SETID when it only moved LASTID', () => {
    const { h, c, now, fx } = setup();
    pendingForC1(c, '1-1', '2-1');
    h.advance(10);
    const start = fx.length;
    c.call('XCLAIM', 's', 'g', 'c9', '0', '1-1');
    c.call('XCLAIM', 's', 'g', 'c9', '0', '2-1', 'JUSTID', 'LASTID', '5-0');
    c.call('XCLAIM', 's', 'g', 'c9', '0', '3', 'JUSTID', 'LASTID', '6-0');
    c.call('XCLAIM', 's', 'g', 'c9', '0', '1-1', 'TIME', '5', 'RETRYCOUNT', '7');
    c.call('XCLAIM', 's', 'g', 'c9', '999999', '2-1');
    c.call('XCLAIM', 's', 'g', 'c9', '0', '4-0', 'LASTID', '1-0');
    expect(fx.slice(start)).toEqual([
      claim('s', 'g', 'c9', '1-1', now + 10, 2, '2-1'),
      claim('s', 'g', 'c9', '2-1', now + 10, 1, '5-0'),
      ['XGROUP', 'SETID', 's', 'g', '6-0', 'ENTRIESREAD', '2'],
      claim('s', 'g', 'c9', '1-1', 5, 7, '6-0'),
    ]);
  });

  it('XAUTOCLAIM propagates an XCLAIM per claimed entry and per deleted entry it drops', () => {
    const { h, c, now, fx } = setup();
    pendingForC1(c, '1-1', '2-1');
    h.advance(10);
    c.call('XDEL', 's', '1-1');
    const start = fx.length;
    c.call('XAUTOCLAIM', 's', 'g', 'c8', '0', '0', 'JUSTID');
    c.call('XAUTOCLAIM', 's', 'g', 'c8', '999999', '0');
    expect(fx.slice(start)).toEqual([
      ['MULTI'],
      claim('s', 'g', 'c1', '1-1', now, 1, '2-1'),
      claim('s', 'g', 'c8', '2-1', now + 10, 1, '2-1'),
      ['EXEC'],
    ]);
  });

  it('other stream writes propagate as sent, and no-ops not at all', () => {
    const { c, fx } = setup();
    c.call('XADD', 's', '1-1', 'f', 'v');
    c.call('XGROUP', 'CREATE', 's', 'g', '$');
    c.call('XGROUP', 'CREATECONSUMER', 's', 'g', 'c1');
    c.call('XGROUP', 'CREATECONSUMER', 's', 'g', 'c1');
    c.call('XACK', 's', 'g', '1-1');
    c.call('XDEL', 's', '9-9');
    c.call('XSETID', 's', '5-0');
    c.call('XGROUP', 'DELCONSUMER', 's', 'g', 'c1');
    c.call('XGROUP', 'DESTROY', 's', 'g');
    expect(fx.slice(2)).toEqual([
      ['XGROUP', 'CREATE', 's', 'g', '$'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c1'],
      ['XSETID', 's', '5-0'],
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'c1'],
      ['XGROUP', 'DESTROY', 's', 'g'],
    ]);
  });
});
