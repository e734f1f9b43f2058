// SISMEMBER and SMISMEMBER answer membership in both encodings; a missing key is an empty set.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SISMEMBER / SMISMEMBER', () => {
  it('answer 1 for members and 0 otherwise, in both encodings', () => {
    const c = new Harness().client();
    c.call('SADD', 'i', 1, 2, 3);
    c.call('SADD', 'h', 'a', 'b', 17);
    expect(c.call('SISMEMBER', 'i', 2)).toBe(1);
    expect(c.call('SISMEMBER', 'i', '02')).toBe(0);
    expect(c.call('SISMEMBER', 'i', 'x')).toBe(0);
    expect(c.call('SISMEMBER', 'h', 17)).toBe(1);
    expect(c.call('SISMEMBER', 'h', 'c')).toBe(0);
    expect(c.call('SISMEMBER', 'nokey', 'a')).toBe(0);
    expect(c.call('SMISMEMBER', 'i', 1, 'x', 3, '3.0')).toEqual([1, 0, 1, 0]);
    expect(c.call('SMISMEMBER', 'h', 'a', 'z')).toEqual([1, 0]);
    expect(c.call('SMISMEMBER', 'nokey', 'a', 'b')).toEqual([0, 0]);
  });

  it('answer WRONGTYPE against another type and check arity', () => {
    const c = new Harness().client();
    c.call('LPUSH', 'l', 'x');
    const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
    expect(c.call('SISMEMBER', 'l', 'x')).toEqual(wrong);
    expect(c.call('SMISMEMBER', 'l', 'x')).toEqual(wrong);
    expect(c.call('SISMEMBER', 's')).toEqual({ error: "ERR wrong number of arguments for 'sismember' command" });
    expect(c.call('SMISMEMBER', 's')).toEqual({ error: "ERR wrong number of arguments for 'smismember' command" });
  });
});
