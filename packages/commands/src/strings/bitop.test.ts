// BITOP combines strings byte-wise into a destination (zero-padding shorter ones), answers the
// result length, and deletes the destination when the result is empty.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('BITOP', () => {
  it('AND, OR and XOR zero-pad to the longest input', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '\x01\x02\xff\xff');
    c.call('SET', 'b', '\x01\x02\xff');
    expect(c.call('BITOP', 'and', 'r1', 'a', 'b')).toBe(4);
    expect(c.call('BITOP', 'OR', 'r2', 'a', 'b')).toBe(4);
    expect(c.call('BITOP', 'xor', 'r3', 'a', 'b')).toBe(4);
    expect(c.call('MGET', 'r1', 'r2', 'r3')).toEqual(['\x01\x02\xff\x00', '\x01\x02\xff\xff', '\x00\x00\x00\xff']);
  });

  it('NOT inverts one key, also in place', () => {
    const c = new Harness().client();
    c.call('SET', 's', '\xaa\x00\xff\x55');
    expect(c.call('BITOP', 'not', 's', 's')).toBe(4);
    expect(c.call('GET', 's')).toBe('\x55\xff\x00\xaa');
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('raw');
  });

  it('treats missing keys as zeros and integer values as their digits', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '\x01\x02\xff');
    c.call('BITOP', 'and', 'r', 'nokey', 'a');
    expect(c.call('GET', 'r')).toBe('\x00\x00\x00');
    c.call('SET', 'x', '1');
    c.call('SET', 'y', '2');
    c.call('BITOP', 'xor', 'r', 'x', 'y', 'x');
    expect(c.call('GET', 'r')).toBe('2');
  });

  it('an empty result deletes the destination', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('SET', 'dest', 'v');
    c.call('SET', 'e', '');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('BITOP', 'not', 'dest', 'e')).toBe(0);
    expect(c.call('EXISTS', 'dest')).toBe(0);
    expect(c.call('BITOP', 'or', 'dest', 'nokey', 'e')).toBe(0);
    c.call('SET', 'a', 'x', 'EX', 10);
    c.call('BITOP', 'or', 'a', 'a');
    expect(c.call('TTL', 'a')).toBe(-1);
    expect(s.drain().map((m) => (m as string[])[2])).toEqual([
      '__keyevent@0__:del', '__keyevent@0__:set', '__keyevent@0__:expire', '__keyevent@0__:set',
    ]);
  });

  it('refuses unknown operations, NOT with several keys, and other types', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    c.call('SET', 'a', '1');
    expect(c.call('BITOP', 'nand', 'd', 'a')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITOP', 'not', 'd', 'a', 'a')).toEqual({ error: 'ERR BITOP NOT must be called with a single source key.' });
    expect(c.call('BITOP', 'xor', 'd', 'a', 'l', 'nokey')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('EXISTS', 'd')).toBe(0);
  });

  it('needs an operation, a destination and a source', () => {
    expect(new Harness().client().call('BITOP', 'and', 'd')).toEqual({ error: "ERR wrong number of arguments for 'bitop' command" });
  });
});
