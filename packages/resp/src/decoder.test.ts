// The request decoder parses multibulk and inline requests across any read boundaries and
// fails with Redis 7.0's exact protocol error texts (tests/unit/protocol.tcl and beyond).
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { type DecoderLimits, RequestDecoder } from './decoder.js';
import { ProtocolError } from './protocol-error.js';

const MB = 512 * 1024 * 1024;

function decoder(limits: Partial<DecoderLimits> = {}): RequestDecoder {
  return new RequestDecoder({ maxBulkLen: MB, authRequired: false, ...limits });
}

/** Every request in the bytes, fed as one chunk (or in the given chunk size). */
function decodeAll(bytes: string | Buffer, chunk = 0, limits: Partial<DecoderLimits> = {}): string[][] {
  const d = decoder(limits);
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  const out: string[][] = [];
  const step = chunk > 0 ? chunk : buf.length || 1;
  for (let i = 0; i < buf.length; i += step) {
    d.feed(buf.subarray(i, i + step));
    for (let r = d.next(); r !== null; r = d.next()) out.push(r);
  }
  return out;
}

/** The protocol error the bytes cause, as the client would read it after "-ERR ". */
function errorOf(bytes: string, limits: Partial<DecoderLimits> = {}): string {
  try {
    decodeAll(bytes, 0, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError);
    return (e as ProtocolError).message;
  }
  throw new Error('no protocol error');
}

function multibulk(...args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

describe('multibulk requests', () => {
  it('decodes arguments byte for byte, CRLF and NUL included', () => {
    expect(decodeAll(multibulk('SET', 'k\r\n', '\x00\xff'))).toEqual([['SET', 'k\r\n', '\x00\xff']]);
  });

  it('decodes empty bulks', () => {
    expect(decodeAll('*2\r\n$4\r\nECHO\r\n$0\r\n\r\n')).toEqual([['ECHO', '']]);
  });

  it('decodes many requests from one read, in order', () => {
    const bytes = Array.from({ length: 1000 }, (_, i) => multibulk('INCR', `k${i}`)).join('');
    const got = decodeAll(bytes);
    expect(got.length).toBe(1000);
    expect(got[999]).toEqual(['INCR', 'k999']);
  });

  it('skips empty and negative multibulk counts, as Redis does', () => {
    expect(decodeAll(`*0\r\n*-10\r\n${multibulk('PING')}`)).toEqual([['PING']]);
  });

  it('takes the two bytes after a bulk as its CRLF without checking them, as Redis does', () => {
    expect(decodeAll('*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n')).toEqual([['PING'], ['PING']]);
  });

  it('gives the same requests whatever the chunking, down to one byte per read', () => {
    const bytes = multibulk('SET', 'key', 'x'.repeat(100)) + 'PING\r\n' + multibulk('GET', 'key');
    const whole = decodeAll(bytes);
    for (const chunk of [1, 2, 3, 7, 64]) expect(decodeAll(bytes, chunk)).toEqual(whole);
    expect(whole).toEqual([['SET', 'key', 'x'.repeat(100)], ['PING'], ['GET', 'key']]);
  });

  it('waits for the rest of a partial request', () => {
    const d = decoder();
    d.feed(Buffer.from('*2\r\n$3\r\nGET\r\n$3\r\nke', 'latin1'));
    expect(d.next()).toBeNull();
    d.feed(Buffer.from('y\r', 'latin1'));
    expect(d.next()).toBeNull();
    d.feed(Buffer.from('\n', 'latin1'));
    expect(d.next()).toEqual(['GET', 'key']);
    expect(d.next()).toBeNull();
  });

  it('assembles big bulks split across many reads', () => {
    const value = Array.from({ length: 1024 * 1024 }, (_, i) => String.fromCharCode(i % 256)).join('');
    const bytes = multibulk('SET', 'big', value) + multibulk('PING');
    for (const chunk of [1000, 4096, 65536, 333_333]) {
      const got = decodeAll(bytes, chunk);
      expect(got.length).toBe(2);
      expect(got[0]?.[2] === value).toBe(true);
      expect(got[1]).toEqual(['PING']);
    }
  });

  it('assembles bulks right around the big-bulk threshold', () => {
    for (const size of [32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1]) {
      const value = 'v'.repeat(size);
      expect(decodeAll(multibulk('SET', 'k', value), 5000)).toEqual([['SET', 'k', value]]);
    }
  });
});

describe('inline requests', () => {
  it('splits words on blanks and accepts LF or CRLF line ends', () => {
    expect(decodeAll('SET  key\tvalue\r\nPING\nGET key\r\r\n')).toEqual([['SET', 'key', 'value'], ['PING'], ['GET', 'key']]);
  });

  it('skips empty lines', () => {
    expect(decodeAll('\r\n  \r\n\nPING\r\n')).toEqual([['PING']]);
  });

  it('reads double quotes with escapes and single quotes with only \\\'', () => {
    expect(decodeAll('SET "a b" "\\x41\\x4g\\n\\t\\"\\\\"\r\n')).toEqual([['SET', 'a b', 'Ax4g\n\t"\\']]);
    expect(decodeAll("ECHO 'it\\'s \\n'\r\n")).toEqual([['ECHO', "it's \\n"]]);
    expect(decodeAll('ECHO ""\r\n')).toEqual([['ECHO', '']]);
  });

  it('opens a quote in the middle of a word, as sdssplitargs does', () => {
    expect(decodeAll('ECHO foo"bar baz"\r\n')).toEqual([['ECHO', 'foobar baz']]);
  });

  it('keeps vertical tab and form feed inside words but skips them between words', () => {
    expect(decodeAll('\x0bECHO a\x0bb\x0c\r\n')).toEqual([['ECHO', 'a\x0bb\x0c']]);
  });

  it('waits for the end of a line split across reads', () => {
    expect(decodeAll('SET "a b" c\r\nPING\r\n', 1)).toEqual([['SET', 'a b', 'c'], ['PING']]);
  });
});

describe('protocol errors', () => {
  it('unbalanced or badly closed quotes', () => {
    expect(errorOf('set """test-key""" test-value\r\nping\r\n')).toBe('Protocol error: unbalanced quotes in request');
    expect(errorOf('ECHO "abc\r\n')).toBe('Protocol error: unbalanced quotes in request');
    expect(errorOf("ECHO 'abc'd\r\n")).toBe('Protocol error: unbalanced quotes in request');
  });

  it('an inline request longer than 64 KiB without a newline', () => {
    expect(decodeAll('A'.repeat(64 * 1024))).toEqual([]);
    expect(errorOf('A'.repeat(64 * 1024 + 1))).toBe('Protocol error: too big inline request');
  });

  it('a multibulk count or bulk length line longer than 64 KiB', () => {
    expect(errorOf('*' + '1'.repeat(64 * 1024 + 1))).toBe('Protocol error: too big mbulk count string');
    expect(errorOf('*1\r\n$' + '1'.repeat(64 * 1024 + 1))).toBe('Protocol error: too big bulk count string');
  });

  it('a multibulk count that is not a clean integer up to INT_MAX', () => {
    for (const count of ['3000000000', 'abc', '-0', '01', '+1', '', '1 ']) {
      expect(errorOf(`*${count}\r\n`)).toBe('Protocol error: invalid multibulk length');
    }
    expect(decodeAll('*2147483647\r\n')).toEqual([]);
  });

  it('a bulk that does not start with $', () => {
    expect(errorOf('*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n')).toBe("Protocol error: expected '$', got 'f'");
    expect(errorOf('*1\r\nfoo\r\n')).toBe("Protocol error: expected '$', got 'f'");
  });

  it('a bulk length that is negative, malformed or above proto-max-bulk-len', () => {
    for (const len of ['-10', '-0', '01', 'blabla', '']) {
      expect(errorOf(`*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$${len}\r\n`)).toBe('Protocol error: invalid bulk length');
    }
    expect(errorOf('*1\r\n$2000000000\r\n', { maxBulkLen: 1024 * 1024 })).toBe('Protocol error: invalid bulk length');
    expect(errorOf('*1\r\n$1025\r\n', { maxBulkLen: 1024 })).toBe('Protocol error: invalid bulk length');
    expect(decodeAll('*1\r\n$1024\r\n', 0, { maxBulkLen: 1024 })).toEqual([]);
  });

  it('before authentication: more than 10 arguments or a bulk over 16384 bytes', () => {
    const unauth = { authRequired: true };
    expect(errorOf('*11\r\n', unauth)).toBe('Protocol error: unauthenticated multibulk length');
    expect(decodeAll(multibulk(...Array.from({ length: 10 }, () => 'a')), 0, unauth).length).toBe(1);
    expect(errorOf('*1\r\n$16385\r\n', unauth)).toBe('Protocol error: unauthenticated bulk length');
    expect(decodeAll(multibulk('x'.repeat(16384)), 0, unauth)).toEqual([['x'.repeat(16384)]]);
  });

  it('the limits follow authentication as it changes', () => {
    const limits = { maxBulkLen: MB, authRequired: true };
    const d = new RequestDecoder(limits);
    d.feed(Buffer.from(multibulk('AUTH', 'pw'), 'latin1'));
    expect(d.next()).toEqual(['AUTH', 'pw']);
    limits.authRequired = false;
    d.feed(Buffer.from('*11\r\n', 'latin1'));
    expect(d.next()).toBeNull();
  });

  it('requests before the bad one are still decoded', () => {
    const d = decoder();
    d.feed(Buffer.from(`${multibulk('PING')}*x\r\n`, 'latin1'));
    expect(d.next()).toEqual(['PING']);
    expect(() => d.next()).toThrow('Protocol error: invalid multibulk length');
  });
});

describe('bufferedBytes (CLIENT LIST qbuf)', () => {
  it('counts the whole read while its requests run, and only the unparsed bytes after', () => {
    const d = decoder();
    const req = multibulk('client', 'list');
    d.feed(Buffer.from(req + '*1\r\n$4\r\nPI', 'latin1'));
    expect(d.next()).toEqual(['client', 'list']);
    expect(req.length).toBe(26);
    expect(d.bufferedBytes).toBe(26 + 10);
    expect(d.next()).toBeNull();
    // The headers of the partial request are parsed already; only "PI" waits, as in Redis.
    expect(d.bufferedBytes).toBe(2);
  });

  it('counts the part of a big bulk received so far', () => {
    const d = decoder();
    d.feed(Buffer.from(`*1\r\n$100000\r\n${'x'.repeat(50000)}`, 'latin1'));
    expect(d.next()).toBeNull();
    expect(d.bufferedBytes).toBe(50000);
  });
});
