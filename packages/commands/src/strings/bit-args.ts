// Arguments of the bitmap commands with Redis's texts: bit offsets (plain or BITFIELD's #N
// form, bounded by proto-max-bulk-len), BITFIELD types, and BITCOUNT/BITPOS units.

import { parseInt64, RedisError, SyntaxError } from '@cinnabar/common';
import { token } from '@cinnabar/command-kit';

const OFFSET_ERROR = 'ERR bit offset is not an integer or out of range';
const TYPE_ERROR = 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';

/** A bit offset; with `fieldBits` > 0 the "#N" form means N × fieldBits. */
export function bitOffsetArg(text: string, maxBytes: number, fieldBits = 0): number {
  const hash = fieldBits > 0 && text.charCodeAt(0) === 35; // '#'
  const v = parseInt64(hash ? text.slice(1) : text);
  if (v === null) throw new RedisError(OFFSET_ERROR);
  const offset = BigInt(v) * (hash ? BigInt(fieldBits) : 1n);
  if (offset < 0n || offset >> 3n >= BigInt(maxBytes)) throw new RedisError(OFFSET_ERROR);
  return Number(offset);
}

/** A BITFIELD type: i1..i64 or u1..u63 (lower-case sign letter only, as Redis). */
export function bitfieldTypeArg(text: string): { signed: boolean; bits: number } {
  const sign = text[0];
  if (sign !== 'i' && sign !== 'u') throw new RedisError(TYPE_ERROR);
  const bits = parseInt64(text.slice(1));
  if (bits === null || bits < 1 || bits > (sign === 'i' ? 64 : 63)) throw new RedisError(TYPE_ERROR);
  return { signed: sign === 'i', bits: Number(bits) };
}

/** BITCOUNT/BITPOS unit token: true for BIT, false for BYTE. */
export function bitUnitArg(text: string | undefined): boolean {
  const t = token(text);
  if (t === 'BIT') return true;
  if (t === 'BYTE') return false;
  throw new SyntaxError();
}
