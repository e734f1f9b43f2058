// RPOPLPUSH is LMOVE source destination RIGHT LEFT.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RPOPLPUSH', () => {
  it('moves the source tail to the destination head', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'src', 'a', 'b');
    c.call('RPUSH', 'dst', 'x');
    expect(c.call('RPOPLPUSH', 'src', 'dst')).toBe('b');
    expect(c.call('LRANGE', 'dst', 0, -1)).toEqual(['b', 'x']);
    expect(c.call('RPOPLPUSH', 'src', 'dst')).toBe('a');
    expect(c.call('EXISTS', 'src')).toBe(0);
  });

  it('rotates a list onto itself', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(c.call('RPOPLPUSH', 'l', 'l')).toBe('c');
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['c', 'a', 'b']);
  });

  it('answers nil for a missing source and WRONGTYPE for other types', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    c.call('RPUSH', 'l', 'a');
    expect(c.call('RPOPLPUSH', 'nokey', 'l')).toBeNull();
    expect(c.call('RPOPLPUSH', 's', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('RPOPLPUSH', 'l', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('LLEN', 'l')).toBe(1);
  });

  it('takes exactly two keys', () => {
    expect(new Harness().client().call('RPOPLPUSH', 'a')).toEqual({ error: "ERR wrong number of arguments for 'rpoplpush' command" });
  });
});
