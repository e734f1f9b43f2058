// SINTER answers the members every set shares as a set reply; a missing key makes it empty,
// and every key is still type-checked.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONG = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('SINTER', () => {
  it('answers the common members across encodings', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1, 2, 3, 'x', 'y');
    c.call('SADD', 'b', 2, 3, 4, 'y', 'z');
    c.call('SADD', 'c', 3, 'y', 100);
    c.call('SADD', 'i', 3, 2, 9);
    expect((c.call('SINTER', 'a', 'b') as string[]).sort()).toEqual(['2', '3', 'y']);
    expect((c.call('SINTER', 'a', 'b', 'c') as string[]).sort()).toEqual(['3', 'y']);
    expect(c.call('SINTER', 'i', 'a')).toEqual(['2', '3']);
    expect(c.call('SINTER', 'i', 'i')).toEqual(['2', '3', '9']);
    expect(c.call('SINTER', 'i')).toEqual(['2', '3', '9']);
  });

  it('is empty when a key is missing, and a set reply in RESP3', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1, 2);
    expect(c.call('SINTER', 'a', 'nokey')).toEqual([]);
    c.call('HELLO', '3');
    expect(c.raw('SINTER', 'a', 'nokey')).toBe('~0\r\n');
    expect(c.raw('SINTER', 'a', 'a')).toBe('~2\r\n$1\r\n1\r\n$1\r\n2\r\n');
  });

  it('answers WRONGTYPE for any key of another type, even after a missing one', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    c.call('SADD', 's', 'a');
    expect(c.call('SINTER', 'str', 'nokey')).toEqual(WRONG);
    expect(c.call('SINTER', 'nokey', 'str')).toEqual(WRONG);
    expect(c.call('SINTER', 's', 'str')).toEqual(WRONG);
    expect(c.call('SINTER')).toEqual({ error: "ERR wrong number of arguments for 'sinter' command" });
  });
});
