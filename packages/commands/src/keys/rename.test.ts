// RENAME moves value and TTL to the new name, replacing it, with rename_from/rename_to events.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RENAME', () => {
  it('moves the value to the new name', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'hello');
    expect(c.call('RENAME', 'a', 'b')).toEqual({ simple: 'OK' });
    expect(c.call('RENAME', 'b', 'c')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'c')).toBe('hello');
    expect(c.call('EXISTS', 'a', 'b')).toBe(0);
  });

  it('replaces an existing destination', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'x');
    c.call('SET', 'b', 'y');
    c.call('RENAME', 'b', 'a');
    expect(c.call('GET', 'a')).toBe('y');
    expect(c.call('EXISTS', 'b')).toBe(0);
  });

  it('carries the TTL and does not inherit the destination TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'x', 'EX', 100);
    c.call('RENAME', 'a', 'b');
    expect(c.call('TTL', 'b')).toBe(100);
    c.call('SET', 'c', 'y');
    c.call('RENAME', 'c', 'b');
    expect(c.call('TTL', 'b')).toBe(-1);
  });

  it('answers ERR no such key for a missing source, even onto itself', () => {
    const c = new Harness().client();
    expect(c.call('RENAME', 'nokey', 'b')).toEqual({ error: 'ERR no such key' });
    expect(c.call('RENAME', 'nokey', 'nokey')).toEqual({ error: 'ERR no such key' });
  });

  it('answers OK for an existing key renamed onto itself and leaves it alone', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'v', 'EX', 50);
    expect(c.call('RENAME', 'a', 'a')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'a')).toBe('v');
    expect(c.call('TTL', 'a')).toBe(50);
  });

  it('emits rename_from for the source and rename_to for the destination', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEg' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:rename*');
    c.call('SET', 'a', '1');
    c.call('RENAME', 'a', 'b');
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:rename*', '__keyevent@0__:rename_from', 'a'],
      ['pmessage', '__keyevent@0__:rename*', '__keyevent@0__:rename_to', 'b'],
    ]);
  });

  it('makes a WATCH on either name fail', () => {
    const h = new Harness();
    const c = h.client();
    const w = h.client();
    c.call('SET', 'a', '1');
    w.call('WATCH', 'b');
    c.call('RENAME', 'a', 'b');
    w.call('MULTI');
    w.call('PING');
    expect(w.call('EXEC')).toBeNull();
  });

  it('takes exactly two keys', () => {
    const c = new Harness().client();
    expect(c.call('RENAME', 'a')).toEqual({ error: "ERR wrong number of arguments for 'rename' command" });
  });
});
