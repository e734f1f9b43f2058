// SETRANGE overwrites bytes at an offset, zero-padding as needed, answering the new length;
// an empty patch writes nothing; offsets are checked, then the type, then the size limit.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('SETRANGE', () => {
  it('creates a zero-padded key, or none for an empty patch', () => {
    const c = new Harness().client();
    expect(c.call('SETRANGE', 'k', 0, 'foo')).toBe(3);
    expect(c.call('GET', 'k')).toBe('foo');
    expect(c.call('SETRANGE', 'e', 0, '')).toBe(0);
    expect(c.call('EXISTS', 'e')).toBe(0);
    expect(c.call('SETRANGE', 'p', 1, 'foo')).toBe(4);
    expect(c.call('GET', 'p')).toBe('\x00foo');
  });

  it('overwrites and extends an existing string', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'foo');
    expect(c.call('SETRANGE', 'k', 0, 'b')).toBe(3);
    expect(c.call('GET', 'k')).toBe('boo');
    expect(c.call('SETRANGE', 'k', 0, '')).toBe(3);
    expect(c.call('SETRANGE', 'k', 1, 'b')).toBe(3);
    expect(c.call('GET', 'k')).toBe('bbo');
    expect(c.call('SETRANGE', 'k', 4, 'bar')).toBe(7);
    expect(c.call('GET', 'k')).toBe('bbo\x00bar');
  });

  it('turns an integer into a raw string only when it writes', () => {
    const c = new Harness().client();
    c.call('SET', 'k', '1234');
    expect(c.call('SETRANGE', 'k', 0, '')).toBe(4);
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('int');
    expect(c.call('SETRANGE', 'k', 0, '2')).toBe(4);
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('raw');
    expect(c.call('GET', 'k')).toBe('2234');
  });

  it('refuses negative, non-integer and too large offsets', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'hello');
    expect(c.call('SETRANGE', 'k', -1, 'world')).toEqual({ error: 'ERR offset is out of range' });
    expect(c.call('SETRANGE', 'k', 'x', 'world')).toEqual({ error: 'ERR value is not an integer or out of range' });
    const tooBig = { error: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)' };
    expect(c.call('SETRANGE', 'k', 512 * 1024 * 1024 - 4, 'world')).toEqual(tooBig);
    expect(c.call('SETRANGE', 'n', 512 * 1024 * 1024 - 4, 'world')).toEqual(tooBig);
    expect(c.call('SETRANGE', 'k', '9223372036854775807', 'A')).toEqual(tooBig);
    expect(c.call('SETRANGE', 'k', 2147483647, 'A')).toEqual(tooBig);
    expect(c.call('GET', 'k')).toBe('hello');
  });

  it('answers WRONGTYPE for another type even with an empty patch', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    expect(c.call('SETRANGE', 'l', 0, '')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SETRANGE', 'l', 0, 'x')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits setrange only when it writes', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('SETRANGE', 'k', 0, '');
    c.call('SETRANGE', 'k', 2, 'x');
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:setrange', 'k']]);
  });

  it('takes a key, an offset and a value', () => {
    expect(new Harness().client().call('SETRANGE', 'k', 0)).toEqual({ error: "ERR wrong number of arguments for 'setrange' command" });
  });
});
