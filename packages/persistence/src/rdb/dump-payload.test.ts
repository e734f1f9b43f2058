// DUMP payloads: the footer is the RDB version and a CRC-64 of the rest, as Redis 7.0 writes
// it; parseDumpPayload answers RESTORE's two error texts exactly when Redis would.
import { Buffer } from 'node:buffer';
import { RedisError } from '@cinnabar/common';
import { EncodingLimits, HashValue } from '@cinnabar/storage';
import { describe, expect, it } from 'vitest';
import { crc64, crc64Bytes } from './crc64.js';
import { createDumpPayload, parseDumpPayload, verifyDumpPayload } from './dump-payload.js';

const limits = new EncodingLimits();

function withFooter(body: Buffer, version = 10): string {
  const head = Buffer.concat([body, Buffer.from([version & 0xff, version >> 8])]);
  return Buffer.concat([head, crc64Bytes(crc64(head))]).toString('latin1');
}

describe('createDumpPayload', () => {
  it('is the value, version 10 and the CRC-64, byte for byte as Redis dumps "bar"', () => {
    // redis-cli: SET foo bar; DUMP foo
    expect(Buffer.from(createDumpPayload('bar'), 'latin1').toString('hex')).toBe('0003626172' + '0a00' + 'e6be4960ee66fd17');
  });

  it('reads back what it writes', () => {
    const h = HashValue.fromPairs(['a', 'b'], ['1', 'x'.repeat(50)], limits);
    const back = parseDumpPayload(createDumpPayload(h), limits) as HashValue;
    expect([back.get('a'), back.get('b'), back.encoding()]).toEqual(['1', 'x'.repeat(50), 'listpack']);
  });
});

describe('parseDumpPayload', () => {
  it('refuses payloads shorter than the footer, from a newer version, or with a bad checksum', () => {
    const wrong = 'ERR DUMP payload version or checksum are wrong';
    expect(() => parseDumpPayload('short', limits)).toThrow(wrong);
    expect(() => parseDumpPayload(withFooter(Buffer.from('\x00\x01a', 'latin1'), 11), limits)).toThrow(wrong);
    const good = createDumpPayload('value');
    const flipped = good.slice(0, 3) + 'X' + good.slice(4);
    expect(() => parseDumpPayload(flipped, limits)).toThrow(wrong);
    expect(() => parseDumpPayload(good.slice(0, -1) + '\x00', limits)).toThrow(RedisError);
  });

  it('accepts older RDB versions (Redis 7.0 takes any version up to 10)', () => {
    expect(parseDumpPayload(withFooter(Buffer.from('\x00\x02hi', 'latin1'), 9), limits)).toBe('hi');
  });

  it('answers ERR Bad data format for an unknown type, a truncated body or an empty collection', () => {
    const bad = 'ERR Bad data format';
    expect(() => parseDumpPayload(withFooter(Buffer.from([8, 1, 0x61])), limits)).toThrow(bad);
    expect(() => parseDumpPayload(withFooter(Buffer.from([0, 5, 0x61])), limits)).toThrow(bad);
    expect(() => parseDumpPayload(withFooter(Buffer.from([2, 0])), limits)).toThrow(bad);
    expect(() => parseDumpPayload(withFooter(Buffer.from([])), limits)).toThrow(bad);
  });

  it('skips the checksum when told to (skip-checksum-validation)', () => {
    const good = Buffer.from(createDumpPayload('v'), 'latin1');
    good[good.length - 1] = (good[good.length - 1] as number) ^ 0xff;
    expect(verifyDumpPayload(good)).toBe(false);
    expect(verifyDumpPayload(good, true)).toBe(true);
    expect(parseDumpPayload(good.toString('latin1'), limits, true)).toBe('v');
  });
});
