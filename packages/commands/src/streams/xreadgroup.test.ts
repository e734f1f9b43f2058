// XREADGROUP delivers new entries (>) once per group into the PELs, re-reads a consumer's
// history for other IDs, honours NOACK and COUNT, blocks for new entries, and answers NOGROUP
// when the group or key goes away while blocked.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  const c = h.client();
  for (const id of ['1-0', '2-0', '3-0']) c.call('XADD', 's', id, 'f', id);
  c.call('XGROUP', 'CREATE', 's', 'g', '0');
  return { h, c };
}

describe('XREADGROUP', () => {
  it('delivers each new entry once across consumers', () => {
    const { c } = setup();
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'a', 'COUNT', '2', 'STREAMS', 's', '>')).toEqual([['s', [['1-0', ['f', '1-0']], ['2-0', ['f', '2-0']]]]]);
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'b', 'STREAMS', 's', '>')).toEqual([['s', [['3-0', ['f', '3-0']]]]]);
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'b', 'STREAMS', 's', '>')).toEqual(null);
    expect(c.call('XPENDING', 's', 'g')).toEqual([3, '1-0', '3-0', [['a', '2'], ['b', '1']]]);
  });

  it('serves a consumer its own history for an explicit ID, with deleted entries as null', () => {
    const { c } = setup();
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>');
    c.call('XDEL', 's', '2-0');
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '0')).toEqual([['s', [['1-0', ['f', '1-0']], ['2-0', null], ['3-0', ['f', '3-0']]]]]);
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'z', 'STREAMS', 's', '0')).toEqual([['s', []]]);
    expect((c.call('XPENDING', 's', 'g', '-', '+', '10') as unknown[][]).map((r) => r[3])).toEqual([2, 1, 2]);
  });

  it('NOACK delivers without adding to the PEL', () => {
    const { c } = setup();
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'NOACK', 'STREAMS', 's', '>');
    expect(c.call('XPENDING', 's', 'g')).toEqual([0, null, null, null]);
    expect(c.call('XINFO', 'GROUPS', 's')).toEqual([['name', 'g', 'consumers', 1, 'pending', 0, 'last-delivered-id', '3-0', 'entries-read', 3, 'lag', 0]]);
  });

  it('answers Redis errors', () => {
    const { c } = setup();
    expect(c.call('XREADGROUP', 'GROUP', 'nog', 'a', 'STREAMS', 's', '>')).toEqual({ error: "NOGROUP No such key 's' or consumer group 'nog' in XREADGROUP with GROUP option" });
    expect(c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '$')).toEqual({ error: 'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.' });
    expect(c.call('XREADGROUP', 'COUNT', '1', 'NOACK', 'STREAMS', 's', '>')).toEqual({ error: 'ERR Missing GROUP option for XREADGROUP' });
  });

  it('blocks for new entries and delivers them to the group', () => {
    const { h, c } = setup();
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>');
    const w = h.client();
    expect(w.send('XREADGROUP', 'GROUP', 'g', 'b', 'BLOCK', '0', 'STREAMS', 's', '>')).toEqual([]);
    c.call('XADD', 's', '4-0', 'f', 'new');
    expect(w.drain()).toEqual([[['s', [['4-0', ['f', 'new']]]]]]);
    expect(c.call('XPENDING', 's', 'g', '-', '+', '10', 'b')).toEqual([['4-0', 'b', 0, 1]]);
  });

  it('a blocked reader gets NOGROUP when its group is destroyed, UNBLOCKED when the key goes', () => {
    const { h, c } = setup();
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>');
    const w = h.client();
    w.send('XREADGROUP', 'GROUP', 'g', 'b', 'BLOCK', '0', 'STREAMS', 's', '>');
    c.call('XGROUP', 'DESTROY', 's', 'g');
    expect(w.drain()).toEqual([{ error: 'NOGROUP the consumer group this client was blocked on no longer exists' }]);
    c.call('XGROUP', 'CREATE', 's', 'g', '$');
    w.send('XREADGROUP', 'GROUP', 'g', 'b', 'BLOCK', '0', 'STREAMS', 's', '>');
    c.call('DEL', 's');
    expect(w.drain()).toEqual([{ error: 'UNBLOCKED the stream key no longer exists' }]);
  });

  it('times out with a null array', () => {
    const { h, c } = setup();
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>');
    const w = h.client();
    w.send('XREADGROUP', 'GROUP', 'g', 'b', 'BLOCK', '50', 'STREAMS', 's', '>');
    h.advance(50);
    expect(w.drain()).toEqual([null]);
  });
});
