// DEBUG PROTOCOL sends one sample of each reply type with Redis's exact bytes in RESP2 and RESP3.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function client(resp: 2 | 3) {
  const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
  if (resp === 3) c.call('HELLO', 3);
  return c;
}

describe('DEBUG PROTOCOL', () => {
  it('answers RESP3 types natively', () => {
    const c = client(3);
    expect(c.raw('DEBUG', 'PROTOCOL', 'double')).toBe(',3.141\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'bignum')).toBe('(1234567999999999999999999999999999999\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'null')).toBe('_\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'set')).toBe('~3\r\n:0\r\n:1\r\n:2\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'map')).toBe('%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'true')).toBe('#t\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'verbatim')).toBe('=29\r\ntxt:This is a verbatim\nstring\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'attrib')).toBe(
      '|1\r\n$14\r\nkey-popularity\r\n*2\r\n$7\r\nkey:123\r\n:90\r\n$39\r\nSome real reply following the attribute\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'push')).toBe(
      '>2\r\n$16\r\nserver-cpu-usage\r\n:42\r\n$40\r\nSome real reply following the push reply\r\n');
  });

  it('falls back to RESP2 shapes and refuses push', () => {
    const c = client(2);
    expect(c.raw('DEBUG', 'PROTOCOL', 'double')).toBe('$5\r\n3.141\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'null')).toBe('$-1\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'map')).toBe('*6\r\n:0\r\n:0\r\n:1\r\n:1\r\n:2\r\n:0\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'attrib')).toBe('$39\r\nSome real reply following the attribute\r\n');
    expect(c.raw('DEBUG', 'PROTOCOL', 'push')).toBe('-ERR RESP2 is not supported by this command\r\n');
    expect(c.call('DEBUG', 'PROTOCOL', 'nope')).toEqual({
      error: 'ERR Wrong protocol type name. Please use one of the following: string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false',
    });
  });
});
