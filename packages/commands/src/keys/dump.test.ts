// DUMP answers a payload RESTORE and redis-server accept (value, version 10, CRC-64), nil for a
// missing key, LZF-compressed only under rdbcompression yes, and counts a keyspace hit.
import { Buffer } from 'node:buffer';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('DUMP', () => {
  it('serialises a string exactly as Redis 7.0 does', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'bar');
    expect(Buffer.from(c.call('DUMP', 'foo') as string, 'latin1').toString('hex')).toBe('0003626172' + '0a00' + 'e6be4960ee66fd17');
  });

  it('answers nil for a missing key', () => {
    const c = new Harness().client();
    expect(c.call('DUMP', 'nope')).toBeNull();
  });

  it('compresses long values only while rdbcompression is yes', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'a'.repeat(100));
    expect((c.call('DUMP', 'k') as string).charCodeAt(1)).toBe(0xc3);
    c.call('CONFIG', 'SET', 'rdbcompression', 'no');
    expect((c.call('DUMP', 'k') as string).length).toBe(1 + 2 + 100 + 10);
  });

  it('checks its arity', () => {
    const c = new Harness().client();
    expect(c.call('DUMP')).toEqual({ error: "ERR wrong number of arguments for 'dump' command" });
    expect(c.call('DUMP', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'dump' command" });
  });
});
