// ZRANK answers a member's 0-based rank by (score, member), null when absent.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZRANK', () => {
  it('ranks by score, then by member bytes', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '2', 'b', '1', 'z', '2', 'a', '2', '\xff');
    expect(c.call('ZRANK', 'z', 'z')).toBe(0);
    expect(c.call('ZRANK', 'z', 'a')).toBe(1);
    expect(c.call('ZRANK', 'z', 'b')).toBe(2);
    expect(c.call('ZRANK', 'z', '\xff')).toBe(3);
    expect(c.call('ZRANK', 'z', 'x')).toBeNull();
    expect(c.call('ZRANK', 'nokey', 'x')).toBeNull();
  });

  it('stays exact across thousands of members', () => {
    const c = new Harness().client();
    const args: string[] = [];
    for (let i = 0; i < 3000; i++) args.push(String(3000 - i), `m${i}`);
    c.call('ZADD', 'z', ...args);
    expect(c.call('ZRANK', 'z', 'm0')).toBe(2999);
    expect(c.call('ZRANK', 'z', 'm1234')).toBe(1765);
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
  });

  it('answers WRONGTYPE and refuses extra arguments', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZRANK', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('ZRANK', 's', 'a', 'WITHSCORE')).toEqual({ error: "ERR wrong number of arguments for 'zrank' command" });
  });
});
