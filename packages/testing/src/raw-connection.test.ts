// Proves the raw client's frame splitter finds where each RESP2/RESP3 reply ends, so
// differential tests compare whole replies byte for byte.

import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { encodeCommand, frameLength } from './raw-connection.js';

const len = (s: string) => frameLength(Buffer.from(s, 'latin1'));

describe('frameLength', () => {
  test('simple RESP2 and RESP3 lines end at their CRLF', () => {
    for (const f of ['+OK\r\n', '-ERR x\r\n', ':-12\r\n', '_\r\n', ',1.5\r\n', '#t\r\n', '(123456789012345678901234\r\n']) {
      expect(len(`${f}+NEXT\r\n`)).toBe(f.length);
    }
  });

  test('bulk, verbatim and blob errors count their payload, which may hold CRLF', () => {
    expect(len('$4\r\na\r\nb\r\n+x\r\n')).toBe(10);
    expect(len('$-1\r\n')).toBe(5);
    expect(len('=7\r\ntxt:abc\r\n')).toBe(13);
    expect(len('!3\r\nERR\r\n')).toBe(9);
  });

  test('aggregates include their elements; maps and attributes count pairs', () => {
    expect(len('*2\r\n$1\r\na\r\n:1\r\n+rest\r\n')).toBe(15);
    expect(len('*-1\r\n')).toBe(5);
    expect(len('%1\r\n+k\r\n*1\r\n:1\r\n')).toBe(16);
    expect(len('>2\r\n+a\r\n+b\r\n')).toBe(12);
    expect(len('|1\r\n+key\r\n+val\r\n:5\r\n')).toBe(20);
  });

  test('an incomplete frame needs more bytes', () => {
    for (const partial of ['', '+OK', '$4\r\nab', '*2\r\n:1\r\n', '%1\r\n+k\r\n', '|1\r\n+k\r\n+v\r\n']) {
      expect(len(partial)).toBe(-1);
    }
  });

  test('bytes that start no RESP type are an error', () => {
    expect(() => len('hello\r\n')).toThrow('not a RESP frame at byte 0: "hello\\r\\n"');
  });
});

describe('encodeCommand', () => {
  test('writes a multibulk with byte lengths of latin1 arguments', () => {
    expect(encodeCommand(['SET', 'k', '\xff\x00']).toString('latin1')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n\xff\x00\r\n');
  });
});
