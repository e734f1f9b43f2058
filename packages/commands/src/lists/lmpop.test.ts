// LMPOP pops from the first non-empty list among numkeys keys: [key, elements], a null array
// when none; numkeys/COUNT/direction errors with Redis's texts; keys for COMMAND GETKEYS.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LMPOP', () => {
  it('pops from the first key that holds a list, LEFT or RIGHT, with COUNT', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'b', 'a1', 'a2', 'a3');
    expect(c.call('LMPOP', 2, 'a', 'b', 'LEFT')).toEqual(['b', ['a1']]);
    expect(c.call('LMPOP', 2, 'a', 'b', 'right', 'COUNT', 5)).toEqual(['b', ['a3', 'a2']]);
    expect(c.call('EXISTS', 'b')).toBe(0);
  });

  it('answers a null array when no key holds a list', () => {
    const c = new Harness().client();
    expect(c.raw('LMPOP', 2, 'a', 'b', 'LEFT')).toBe('*-1\r\n');
    c.call('HELLO', 3);
    expect(c.raw('LMPOP', 1, 'a', 'LEFT')).toBe('_\r\n');
  });

  it('stops with WRONGTYPE at a key of another type, but not after a list was found', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    c.call('RPUSH', 'l', 'a', 'b');
    expect(c.call('LMPOP', 2, 's', 'l', 'LEFT')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('LMPOP', 2, 'l', 's', 'LEFT')).toEqual(['l', ['a']]);
  });

  it('validates numkeys, the direction and COUNT with Redis’s texts', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LMPOP', 0, 'l', 'LEFT')).toEqual({ error: 'ERR numkeys should be greater than 0' });
    expect(c.call('LMPOP', 'abc', 'l', 'LEFT')).toEqual({ error: 'ERR numkeys should be greater than 0' });
    expect(c.call('LMPOP', 5, 'l', 'LEFT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LMPOP', 1, 'l', 'middle')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LMPOP', 1, 'l', 'LEFT', 'COUNT', 0)).toEqual({ error: 'ERR count should be greater than 0' });
    expect(c.call('LMPOP', 1, 'l', 'LEFT', 'COUNT', 'abc')).toEqual({ error: 'ERR count should be greater than 0' });
    expect(c.call('LMPOP', 1, 'l', 'LEFT', 'COUNT', 1, 'COUNT', 1)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LMPOP', 1, 'l', 'LEFT', 'COUNT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LMPOP', 1, 'l')).toEqual({ error: "ERR wrong number of arguments for 'lmpop' command" });
    expect(c.call('LLEN', 'l')).toBe(1);
  });

  it('reports its keys to COMMAND GETKEYS from numkeys', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'LMPOP', 2, 'a', 'b', 'LEFT', 'COUNT', 3)).toEqual(['a', 'b']);
    for (const n of [0, 3, -1, 'abc']) {
      expect(c.call('COMMAND', 'GETKEYS', 'LMPOP', n, 'l', 'LEFT')).toEqual({ error: 'ERR Invalid arguments specified for command' });
    }
  });

  it('emits the pop event and del on the key it popped from', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LMPOP', 1, 'l', 'RIGHT');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:rpop', '__keyevent@0__:del']);
  });
});
