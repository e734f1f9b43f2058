// XPENDING's summary and extended forms (IDLE, ranges, consumer filter) and XACK's removal
// of pending entries from the group and consumer PELs.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  const c = h.client();
  for (const id of ['1-0', '2-0', '3-0']) c.call('XADD', 's', id, 'f', 'v');
  c.call('XGROUP', 'CREATE', 's', 'g', '0');
  c.call('XREADGROUP', 'GROUP', 'g', 'a', 'COUNT', '1', 'STREAMS', 's', '>');
  h.advance(100);
  c.call('XREADGROUP', 'GROUP', 'g', 'b', 'STREAMS', 's', '>');
  h.advance(10);
  return { h, c };
}

describe('XPENDING', () => {
  it('summarises count, ID span and per-consumer counts', () => {
    const { c } = setup();
    expect(c.call('XPENDING', 's', 'g')).toEqual([3, '1-0', '3-0', [['a', '1'], ['b', '2']]]);
  });

  it('lists entries with idle time and delivery count, filtered by IDLE, range and consumer', () => {
    const { c } = setup();
    expect(c.call('XPENDING', 's', 'g', '-', '+', '10')).toEqual([['1-0', 'a', 110, 1], ['2-0', 'b', 10, 1], ['3-0', 'b', 10, 1]]);
    expect(c.call('XPENDING', 's', 'g', 'IDLE', '50', '-', '+', '10')).toEqual([['1-0', 'a', 110, 1]]);
    expect(c.call('XPENDING', 's', 'g', '(1-0', '+', '1')).toEqual([['2-0', 'b', 10, 1]]);
    expect(c.call('XPENDING', 's', 'g', '-', '+', '10', 'a')).toEqual([['1-0', 'a', 110, 1]]);
    expect(c.call('XPENDING', 's', 'g', '-', '+', '10', 'nobody')).toEqual([]);
  });

  it('answers Redis errors', () => {
    const { c } = setup();
    expect(c.call('XPENDING', 's', 'g', '-', '+')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XPENDING', 's', 'g', 'IDLE', '1', '-', '+')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XPENDING', 's', 'g', '-', '+', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('XPENDING', 's', 'nog')).toEqual({ error: "NOGROUP No such key 's' or consumer group 'nog'" });
  });
});

describe('XACK', () => {
  it('acknowledges pending IDs and counts only those it found', () => {
    const { c } = setup();
    expect(c.call('XACK', 's', 'g', '1-0', '2-0', '9-0')).toBe(2);
    expect(c.call('XPENDING', 's', 'g')).toEqual([1, '3-0', '3-0', [['b', '1']]]);
    expect(c.call('XACK', 's', 'nog', '3-0')).toBe(0);
    expect(c.call('XACK', 'nokey', 'g', '3-0')).toBe(0);
    expect(c.call('XACK', 's', 'g', 'x')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
  });
});
