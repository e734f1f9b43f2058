// GET answers the string, null for a missing key, WRONGTYPE for other types, and counts hits and misses.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GET', () => {
  it('answers the value or null', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'a\x00\xffb');
    expect(c.call('GET', 'k')).toBe('a\x00\xffb');
    expect(c.call('GET', 'nokey')).toBeNull();
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('GET', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('counts keyspace hits and misses', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    c.call('GET', 'k');
    c.call('GET', 'nokey');
    const stats = c.call('INFO', 'stats') as string;
    expect(stats).toContain('keyspace_hits:1\r\n');
    expect(stats).toContain('keyspace_misses:1\r\n');
  });

  it('takes exactly one key', () => {
    const c = new Harness().client();
    expect(c.call('GET', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
  });
});
