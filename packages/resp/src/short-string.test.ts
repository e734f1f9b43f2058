import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { SHORT_STRING_MAX, shortString } from './short-string.js';

describe('shortString', () => {
  it('equals latin1Slice for every length it handles, at any offset, for all byte values', () => {
    const bytes = Buffer.alloc(256 + SHORT_STRING_MAX);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 7) & 0xff;
    for (let n = 0; n <= SHORT_STRING_MAX; n++) {
      for (const start of [0, 1, 97, 255]) {
        expect(shortString(bytes, start, n)).toBe(bytes.toString('latin1', start, start + n));
      }
    }
  });

  it('keeps high bytes as single latin1 chars', () => {
    const s = shortString(Buffer.from([0xff, 0x80, 0x00, 0x41]), 0, 4);
    expect([...s].map((ch) => ch.charCodeAt(0))).toEqual([0xff, 0x80, 0x00, 0x41]);
  });

  it('refuses lengths beyond its limit', () => {
    expect(() => shortString(Buffer.alloc(64), 0, SHORT_STRING_MAX + 1)).toThrow(RangeError);
  });
});
