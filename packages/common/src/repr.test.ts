// Proves sdscatrepr's escaping: quotes and backslashes escaped, the named control characters,
// other non-printables as lower-case \xHH, printable ASCII as is.
import { describe, expect, it } from 'vitest';
import { escapeRepr, quotedRepr } from './repr.js';

describe('repr', () => {
  it('escapes as Redis prints binary data', () => {
    expect(escapeRepr('a"b\\c')).toBe('a\\"b\\\\c');
    expect(escapeRepr('\n\r\t\x07\x08')).toBe('\\n\\r\\t\\a\\b');
    expect(escapeRepr('\x00\x1f\x7f\xff')).toBe('\\x00\\x1f\\x7f\\xff');
    expect(quotedRepr('my file')).toBe('"my file"');
  });
});
