// The encoder writes every reply kind as Redis 7.0 does in RESP2 and in RESP3, byte for byte.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { encodeReply, type ProtocolVersion } from './encoder.js';
import { OutputBuffer } from './output-buffer.js';
import { type Reply, reply } from './reply.js';

function enc(r: Reply, proto: ProtocolVersion): string {
  const out = new OutputBuffer();
  encodeReply(out, r, proto);
  return out.takeLatin1();
}

/** [reply, RESP2 bytes, RESP3 bytes] */
const CASES: [string, Reply, string, string][] = [
  ['bulk string', 'hello', '$5\r\nhello\r\n', '$5\r\nhello\r\n'],
  ['empty bulk string', '', '$0\r\n\r\n', '$0\r\n\r\n'],
  ['binary bulk string', 'a\r\n\x00\xff', '$5\r\na\r\n\x00\xff\r\n', '$5\r\na\r\n\x00\xff\r\n'],
  ['Buffer bulk', Buffer.from([0, 255, 13, 10]), '$4\r\n\x00\xff\r\n\r\n', '$4\r\n\x00\xff\r\n\r\n'],
  ['integer', 42, ':42\r\n', ':42\r\n'],
  ['negative integer', -7, ':-7\r\n', ':-7\r\n'],
  ['64-bit integer', -9223372036854775808n, ':-9223372036854775808\r\n', ':-9223372036854775808\r\n'],
  ['null', null, '$-1\r\n', '_\r\n'],
  ['null array', reply.nullArray, '*-1\r\n', '_\r\n'],
  ['empty array', [], '*0\r\n', '*0\r\n'],
  ['nested array', ['a', 1, null, ['b']], '*4\r\n$1\r\na\r\n:1\r\n$-1\r\n*1\r\n$1\r\nb\r\n', '*4\r\n$1\r\na\r\n:1\r\n_\r\n*1\r\n$1\r\nb\r\n'],
  ['simple string', reply.ok, '+OK\r\n', '+OK\r\n'],
  ['error', reply.error('ERR syntax error'), '-ERR syntax error\r\n', '-ERR syntax error\r\n'],
  ['double', reply.double(1.5), '$3\r\n1.5\r\n', ',1.5\r\n'],
  ['double with 17 digits', reply.double(0.1), '$19\r\n0.10000000000000001\r\n', ',0.10000000000000001\r\n'],
  ['integral double', reply.double(3), '$1\r\n3\r\n', ',3\r\n'],
  ['large double', reply.double(1e20), '$5\r\n1e+20\r\n', ',1e+20\r\n'],
  ['infinite double', reply.double(Infinity), '$3\r\ninf\r\n', ',inf\r\n'],
  ['negative infinite double', reply.double(-Infinity), '$4\r\n-inf\r\n', ',-inf\r\n'],
  ['true', reply.bool(true), ':1\r\n', '#t\r\n'],
  ['false', reply.bool(false), ':0\r\n', '#f\r\n'],
  ['map', reply.map(['a', 1, 'b', null]), '*4\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n$-1\r\n', '%2\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n_\r\n'],
  ['empty map', reply.map([]), '*0\r\n', '%0\r\n'],
  ['set', reply.set(['x', 'y']), '*2\r\n$1\r\nx\r\n$1\r\ny\r\n', '~2\r\n$1\r\nx\r\n$1\r\ny\r\n'],
  ['push', reply.push(['message', 'ch', 'hi']), '*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n', '>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n'],
  ['verbatim', reply.verbatim('id=1\n'), '$5\r\nid=1\n\r\n', '=9\r\ntxt:id=1\n\r\n'],
  ['markdown verbatim', reply.verbatim('# x', 'mkd'), '$3\r\n# x\r\n', '=7\r\nmkd:# x\r\n'],
  ['big number', reply.bigNumber('1234567999999999999999999999999999999'),
    '$37\r\n1234567999999999999999999999999999999\r\n', '(1234567999999999999999999999999999999\r\n'],
  ['map nested in a RESP3 array', [reply.map(['k', reply.set([])])], '*1\r\n*2\r\n$1\r\nk\r\n*0\r\n', '*1\r\n%1\r\n$1\r\nk\r\n~0\r\n'],
];

describe('encodeReply', () => {
  for (const [name, r, resp2, resp3] of CASES) {
    it(`writes a ${name} in RESP2 and RESP3`, () => {
      expect(enc(r, 2)).toBe(resp2);
      expect(enc(r, 3)).toBe(resp3);
    });
  }

  it('writes long bulk strings and verbatims whole, whatever their size', () => {
    for (const size of [1023, 1024, 64 * 1024, 64 * 1024 + 1, 300_000]) {
      const s = 'z'.repeat(size);
      expect(enc(s, 2)).toBe(`$${size}\r\n${s}\r\n`);
      expect(enc(reply.verbatim(s), 3)).toBe(`=${size + 4}\r\ntxt:${s}\r\n`);
    }
  });

  it('prints CR and LF inside status and error lines as spaces, so the line stays one frame', () => {
    expect(enc(reply.error('ERR Unknown argument k\r\nx'), 2)).toBe('-ERR Unknown argument k  x\r\n');
    expect(enc(reply.simple('a\nb'), 3)).toBe('+a b\r\n');
  });

  it('rejects a value that is not a reply', () => {
    expect(() => enc(undefined as unknown as Reply, 2)).toThrow('not a reply: undefined');
  });
});
