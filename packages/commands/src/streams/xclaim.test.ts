// XCLAIM and XAUTOCLAIM move pending entries between consumers by idle time, with JUSTID,
// FORCE, RETRYCOUNT, IDLE/TIME and LASTID; deleted entries leave the PEL.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  const c = h.client();
  for (const id of ['1-0', '2-0', '3-0']) c.call('XADD', 's', id, 'f', id);
  c.call('XGROUP', 'CREATE', 's', 'g', '0');
  c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>');
  h.advance(100);
  return { h, c };
}

describe('XCLAIM', () => {
  it('claims entries idle long enough, bumping the delivery count', () => {
    const { c } = setup();
    expect(c.call('XCLAIM', 's', 'g', 'b', '200', '1-0')).toEqual([]);
    expect(c.call('XCLAIM', 's', 'g', 'b', '50', '1-0', '2-0')).toEqual([['1-0', ['f', '1-0']], ['2-0', ['f', '2-0']]]);
    expect(c.call('XPENDING', 's', 'g', '-', '+', '10')).toEqual([['1-0', 'b', 0, 2], ['2-0', 'b', 0, 2], ['3-0', 'a', 100, 1]]);
  });

  it('JUSTID keeps the count; RETRYCOUNT and IDLE set the NACK', () => {
    const { c } = setup();
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '1-0', 'JUSTID')).toEqual(['1-0']);
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '2-0', 'RETRYCOUNT', '7', 'IDLE', '40', 'JUSTID')).toEqual(['2-0']);
    expect(c.call('XPENDING', 's', 'g', '-', '2-0', '10')).toEqual([['1-0', 'b', 0, 1], ['2-0', 'b', 40, 7]]);
  });

  it('FORCE creates a NACK for an entry nobody had; deleted entries leave the PEL', () => {
    const { c } = setup();
    c.call('XADD', 's', '4-0', 'f', '4-0');
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '4-0', 'FORCE', 'JUSTID')).toEqual(['4-0']);
    c.call('XDEL', 's', '3-0');
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '3-0')).toEqual([]);
    expect(c.call('XPENDING', 's', 'g')).toEqual([3, '1-0', '4-0', [['a', '2'], ['b', '1']]]);
  });

  it('a FORCE-made NACK starts at one delivery: 2 after a plain claim, 1 with JUSTID', () => {
    const { c } = setup();
    c.call('XADD', 's', '4-0', 'f', '4-0');
    c.call('XADD', 's', '5-0', 'f', '5-0');
    c.call('XCLAIM', 's', 'g', 'b', '0', '4-0', 'FORCE');
    c.call('XCLAIM', 's', 'g', 'b', '0', '5-0', 'FORCE', 'JUSTID');
    const rows = c.call('XPENDING', 's', 'g', '4-0', '+', '10') as unknown[][];
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['4-0', 2], ['5-0', 1]]);
  });

  it('LASTID advances the group; errors use Redis texts', () => {
    const { c } = setup();
    c.call('XCLAIM', 's', 'g', 'b', '0', '1-0', 'LASTID', '9-0');
    expect((c.call('XINFO', 'GROUPS', 's') as unknown[][])[0]?.[7]).toBe('9-0');
    expect(c.call('XCLAIM', 's', 'g', 'b', 'x', '1-0')).toEqual({ error: 'ERR Invalid min-idle-time argument for XCLAIM' });
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '1-0', 'IDLE', 'x')).toEqual({ error: 'ERR Invalid IDLE option argument for XCLAIM' });
    expect(c.call('XCLAIM', 's', 'g', 'b', '0', '1-0', 'BOGUS')).toEqual({ error: "ERR Unrecognized XCLAIM option 'BOGUS'" });
    expect(c.call('XCLAIM', 's', 'nog', 'b', '0', '1-0')).toEqual({ error: "NOGROUP No such key 's' or consumer group 'nog'" });
  });
});

describe('XAUTOCLAIM', () => {
  it('claims idle entries from a start ID, answering the next cursor', () => {
    const { c } = setup();
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', '50', '0', 'COUNT', '2')).toEqual(['3-0', [['1-0', ['f', '1-0']], ['2-0', ['f', '2-0']]], []]);
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', '50', '3-0', 'JUSTID')).toEqual(['0-0', ['3-0'], []]);
  });

  it('drops deleted entries from the PEL and reports them', () => {
    const { c } = setup();
    c.call('XDEL', 's', '2-0');
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', '0', '0', 'JUSTID')).toEqual(['0-0', ['1-0', '3-0'], ['2-0']]);
    expect(c.call('XPENDING', 's', 'g')).toEqual([2, '1-0', '3-0', [['b', '2']]]);
  });

  it('answers Redis errors', () => {
    const { c } = setup();
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', '0', '0', 'COUNT', '0')).toEqual({ error: 'ERR COUNT must be > 0' });
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', 'x', '0')).toEqual({ error: 'ERR Invalid min-idle-time argument for XAUTOCLAIM' });
    expect(c.call('XAUTOCLAIM', 's', 'g', 'b', '0', '0', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XAUTOCLAIM', 's', 'nog', 'b', '0', '0')).toEqual({ error: "NOGROUP No such key 's' or consumer group 'nog'" });
  });
});
