// ZMSCORE answers each member's score or null, all null for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZMSCORE', () => {
  it('answers scores in argument order with nulls for absent members', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2.5', 'b');
    expect(c.call('ZMSCORE', 'z', 'b', 'x', 'a')).toEqual(['2.5', null, '1']);
    expect(c.call('ZMSCORE', 'nokey', 'a', 'b')).toEqual([null, null]);
    c.call('SET', 's', 'v');
    expect(c.call('ZMSCORE', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('ZMSCORE', 'z')).toEqual({ error: "ERR wrong number of arguments for 'zmscore' command" });
  });
});
