// GETDEL answers the value and deletes the key, emitting del; other types are refused intact.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GETDEL', () => {
  it('answers the value once, then null', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'bar');
    expect(c.call('GETDEL', 'k')).toBe('bar');
    expect(c.call('GETDEL', 'k')).toBeNull();
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('refuses another type and leaves it in place', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    expect(c.call('GETDEL', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('EXISTS', 'l')).toBe(1);
  });

  it('emits del only when a key was removed', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:del');
    c.call('SET', 'k', 'v');
    c.call('GETDEL', 'k');
    c.call('GETDEL', 'k');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:del', 'k']]);
  });

  it('takes exactly one key', () => {
    expect(new Harness().client().call('GETDEL', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'getdel' command" });
  });
});
