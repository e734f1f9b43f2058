// BITFIELD runs GET/SET/INCRBY on signed and unsigned fields with WRAP/SAT/FAIL overflow,
// parsing every subcommand before touching the key, and emits setbit only for changes.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('BITFIELD', () => {
  it('SET answers the old value and GET the current one', () => {
    const c = new Harness().client();
    expect(c.call('BITFIELD', 'bits', 'SET', 'i8', 0, -100)).toEqual([0]);
    expect(c.call('BITFIELD', 'bits', 'SET', 'i8', 0, 101)).toEqual([-100]);
    expect(c.call('BITFIELD', 'bits', 'GET', 'i8', 0)).toEqual([101]);
    expect(c.call('BITFIELD', 'u', 'set', 'u8', 0, 255, 'incrby', 'u8', 0, 100, 'get', 'u8', 0)).toEqual([0, 99, 99]);
    expect(c.call('BITFIELD', 'x', 'set', 'i8', 0, 255, 'set', 'i8', 0, 100, 'get', 'i8', 0)).toEqual([0, -1, 100]);
  });

  it('the #N form multiplies the offset by the width', () => {
    const c = new Harness().client();
    c.call('BITFIELD', 'bits', 'SET', 'u8', '#0', 65, 'SET', 'u8', '#1', 66, 'SET', 'u8', '#2', 67);
    expect(c.call('GET', 'bits')).toBe('ABC');
  });

  it('applies the overflow mode in force at each subcommand', () => {
    const c = new Harness().client();
    c.call('BITFIELD', 'b', 'SET', 'u8', '#0', 100);
    expect(c.call('BITFIELD', 'b', 'OVERFLOW', 'WRAP', 'INCRBY', 'u8', '#0', 257)).toEqual([101]);
    expect(c.call('BITFIELD', 'b', 'overflow', 'sat', 'incrby', 'u8', '#0', 257, 'incrby', 'u8', '#0', -300)).toEqual([255, 0]);
    expect(c.call('BITFIELD', 'b', 'OVERFLOW', 'FAIL', 'INCRBY', 'i8', '#0', 200, 'OVERFLOW', 'WRAP', 'INCRBY', 'i8', '#0', 200)).toEqual([null, -56]);
    c.call('BITFIELD', 'b', 'SET', 'i64', 0, '9223372036854775807');
    expect(c.call('BITFIELD', 'b', 'INCRBY', 'i64', 0, 1)).toEqual([-9223372036854775808n]);
    expect(c.call('BITFIELD', 'b', 'OVERFLOW', 'SAT', 'SET', 'u8', 0, -1, 'GET', 'u8', 0)).toEqual([128, 255]);
    expect(c.call('BITFIELD', 'b', 'SET', 'u63', 0, -1, 'GET', 'u63', 0)).toEqual([9187343239835811840n, 9223372036854775807n]);
  });

  it('writes grow the string even when FAIL refuses every write, without an event', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('BITFIELD', 'x', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', 100, 300)).toEqual([null]);
    expect(c.call('STRLEN', 'x')).toBe(14);
    expect(s.drain()).toEqual([]);
    expect(c.call('BITFIELD', 'm', 'SET', 'i8', 0, 10, 'SET', 'i8', 64, 10, 'INCRBY', 'i8', 10, 99900)).toEqual([0, 0, 60]);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:setbit', 'm']]);
  });

  it('reads missing keys and bits past the end as zero, and answers [] without subcommands', () => {
    const c = new Harness().client();
    expect(c.call('BITFIELD', 'nokey', 'GET', 'u8', 0)).toEqual([0]);
    expect(c.call('BITFIELD', 'nokey')).toEqual([]);
    c.call('SET', 'one', '1');
    expect(c.call('BITFIELD', 'one', 'GET', 'u1', 0, 'GET', 'u16', 4)).toEqual([0, 4096]);
    expect(c.call('EXISTS', 'nokey')).toBe(0);
  });

  it('refuses bad subcommands, types, offsets and values before touching the key', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    const type = { error: 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.' };
    for (const t of ['u64', 'i65', 'I8', 'u0', 'u', 'x8', 'u-1']) expect(c.call('BITFIELD', 'l', 'GET', t, 0)).toEqual(type);
    const offset = { error: 'ERR bit offset is not an integer or out of range' };
    for (const o of ['-1', 'abc', '#-1', '4294967296', '#536870912']) expect(c.call('BITFIELD', 'l', 'GET', 'u8', o)).toEqual(offset);
    expect(c.call('BITFIELD', 'l', 'SET', 'i8', 0, 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('BITFIELD', 'l', 'SET', 'i8', 0)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITFIELD', 'l', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITFIELD', 'l', 'OVERFLOW')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITFIELD', 'l', 'OVERFLOW', 'foo', 'GET', 'u8', 0)).toEqual({ error: 'ERR Invalid OVERFLOW type specified' });
    expect(c.call('BITFIELD', 'l', 'GET', 'u8', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('BITFIELD', 'l', 'SET', 'u8', 0, 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('counts a change per changed field, or per write when the string grew', () => {
    const c = new Harness().client();
    const dirty = () => Number(/rdb_changes_since_last_save:(\d+)/.exec(c.call('INFO', 'persistence') as string)?.[1]);
    const before = dirty();
    c.call('BITFIELD', 'f', 'SET', 'i5', 0, 0); // new key
    c.call('BITFIELD', 'f', 'SET', 'i5', 0, 0); // no change
    c.call('BITFIELD', 'f', 'SET', 'i5', 0, 1); // change
    c.call('BITFIELD', 'f', 'INCRBY', 'i5', 0, 1); // change
    c.call('BITFIELD', 'f', 'SET', 'i5', 90, 0); // growth only
    expect(dirty() - before).toBe(4);
  });

  it('needs a key', () => {
    expect(new Harness().client().call('BITFIELD')).toEqual({ error: "ERR wrong number of arguments for 'bitfield' command" });
  });
});
