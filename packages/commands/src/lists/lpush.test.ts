// LPUSH prepends each element in turn, creates the key, answers the new length and emits
// lpush (after "new" for a created key); WRONGTYPE and arity as Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('LPUSH', () => {
  it('prepends elements one by one, so the last argument ends up first', () => {
    const c = new Harness().client();
    expect(c.call('LPUSH', 'l', 'a', 'b', 'c')).toBe(3);
    expect(c.call('LPUSH', 'l', 'd')).toBe(4);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['d', 'c', 'b', 'a']);
    expect(c.call('TYPE', 'l')).toEqual({ simple: 'list' });
    expect(c.call('OBJECT', 'ENCODING', 'l')).toBe('quicklist');
  });

  it('keeps binary elements byte for byte', () => {
    const c = new Harness().client();
    c.call('LPUSH', 'l', '\x00\xff\r\n', '');
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['', '\x00\xff\r\n']);
  });

  it('refuses a key of another type and leaves it intact', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LPUSH', 's', 'a')).toEqual(WRONGTYPE);
    expect(c.call('GET', 's')).toBe('x');
  });

  it('needs a key and at least one element', () => {
    const c = new Harness().client();
    expect(c.call('LPUSH', 'l')).toEqual({ error: "ERR wrong number of arguments for 'lpush' command" });
  });

  it('emits new then lpush once per command', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEAn' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LPUSH', 'l', 'a', 'b');
    c.call('LPUSH', 'l', 'c');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:new', '__keyevent@0__:lpush', '__keyevent@0__:lpush']);
  });

  it('touches a watched key so EXEC fails', () => {
    const h = new Harness();
    const c = h.client();
    c.call('WATCH', 'l');
    h.client().call('LPUSH', 'l', 'a');
    c.call('MULTI');
    c.call('LLEN', 'l');
    expect(c.call('EXEC')).toBeNull();
  });
});
