// APPEND creates or extends a string, keeps its TTL, makes it raw, and respects proto-max-bulk-len.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('APPEND', () => {
  it('creates the key and then appends, answering the new length', () => {
    const c = new Harness().client();
    expect(c.call('APPEND', 'k', 'hello')).toBe(5);
    expect(c.call('APPEND', 'k', ' world')).toBe(11);
    expect(c.call('GET', 'k')).toBe('hello world');
  });

  it('keeps the TTL and turns an integer into a raw string', () => {
    const c = new Harness().client();
    c.call('SET', 'k', '12', 'EX', 10);
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('int');
    c.call('APPEND', 'k', '3');
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('raw');
    expect(c.call('TTL', 'k')).toBe(10);
  });

  it('refuses to grow past proto-max-bulk-len', () => {
    const c = new Harness({ config: { 'proto-max-bulk-len': '1048576' } }).client();
    c.call('SET', 'k', 'x'.repeat(1048570));
    expect(c.call('APPEND', 'k', 'y'.repeat(10))).toEqual({ error: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)' });
    expect(c.call('STRLEN', 'k')).toBe(1048570);
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('APPEND', 'l', 'x')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits append', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:append');
    c.call('APPEND', 'k', 'a');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:append', 'k']]);
  });

  it('takes a key and a value', () => {
    expect(new Harness().client().call('APPEND', 'k')).toEqual({ error: "ERR wrong number of arguments for 'append' command" });
  });
});
