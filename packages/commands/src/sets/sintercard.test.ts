// SINTERCARD counts the intersection, stopping at LIMIT (0 = no limit), with Redis's
// numkeys/LIMIT errors and key extraction from numkeys.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SINTERCARD', () => {
  it('answers the size of the intersection, capped by LIMIT', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1, 2, 3, 'x', 'y');
    c.call('SADD', 'b', 2, 3, 4, 'y', 'z');
    expect(c.call('SINTERCARD', 2, 'a', 'b')).toBe(3);
    expect(c.call('SINTERCARD', 2, 'a', 'b', 'LIMIT', 1)).toBe(1);
    expect(c.call('SINTERCARD', 2, 'a', 'b', 'limit', 0)).toBe(3);
    expect(c.call('SINTERCARD', 2, 'a', 'b', 'LIMIT', 10)).toBe(3);
    expect(c.call('SINTERCARD', 1, 'a')).toBe(5);
    expect(c.call('SINTERCARD', 2, 'a', 'nokey')).toBe(0);
  });

  it('rejects bad numkeys, LIMIT and extra arguments with Redis texts', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 'a');
    const numkeys = { error: 'ERR numkeys should be greater than 0' };
    expect(c.call('SINTERCARD', 0, 's')).toEqual(numkeys);
    expect(c.call('SINTERCARD', 'a', 's')).toEqual(numkeys);
    expect(c.call('SINTERCARD', -1, 's')).toEqual(numkeys);
    expect(c.call('SINTERCARD', 2, 's')).toEqual({ error: "ERR Number of keys can't be greater than number of args" });
    expect(c.call('SINTERCARD', 1, 's', 't')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SINTERCARD', 1, 's', 'LIMIT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SINTERCARD', 1, 's', 'LIMIT', -1)).toEqual({ error: "ERR LIMIT can't be negative" });
    expect(c.call('SINTERCARD', 1, 's', 'LIMIT', 'a')).toEqual({ error: "ERR LIMIT can't be negative" });
    expect(c.call('SINTERCARD', 1)).toEqual({ error: "ERR wrong number of arguments for 'sintercard' command" });
  });

  it('answers WRONGTYPE for any key of another type', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    c.call('SADD', 's', 'a');
    const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
    expect(c.call('SINTERCARD', 1, 'str')).toEqual(wrong);
    expect(c.call('SINTERCARD', 2, 's', 'str')).toEqual(wrong);
    expect(c.call('SINTERCARD', 2, 'str', 'nokey')).toEqual(wrong);
  });

  it('names its keys from numkeys in COMMAND GETKEYS', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'SINTERCARD', 2, 'a', 'b', 'LIMIT', 1)).toEqual(['a', 'b']);
  });
});
