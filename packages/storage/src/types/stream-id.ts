// Stream IDs as one 128-bit bigint: ms in the high 64 bits, seq in the low 64, so that
// numeric order is ID order and "next ID" is +1n (seq overflow carries into ms as Redis's
// streamIncrID does). Parsing and formatting follow t_stream.c's rules.

export type StreamId = bigint;

const U64 = (1n << 64n) - 1n;
export const MIN_ID: StreamId = 0n;
export const MAX_ID: StreamId = (1n << 128n) - 1n;

export function makeId(ms: bigint, seq: bigint): StreamId {
  return (ms << 64n) | seq;
}

export function idMs(id: StreamId): bigint {
  return id >> 64n;
}

export function idSeq(id: StreamId): bigint {
  return id & U64;
}

export function formatId(id: StreamId): string {
  return `${id >> 64n}-${id & U64}`;
}

const STRICT_INT = /^(0|-?[1-9][0-9]*)$/;

/** Redis's string2ull: a plain decimal (no sign) up to 2^64-1, or strtoull's looser form. */
function parseU64(s: string): bigint | null {
  if (STRICT_INT.test(s)) {
    if (s[0] === '-') return null;
    const v = BigInt(s);
    return v <= U64 ? v : null;
  }
  const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(s);
  if (m === null) return null;
  const v = BigInt(m[1] as string);
  return v <= U64 ? v : null;
}

export interface ParsedId {
  id: StreamId;
  /** False for the `ms-*` form, whose sequence the stream picks. */
  seqGiven: boolean;
}

/**
 * `ms-seq`, `ms` (seq = missingSeq), `-`, `+`; with `strict` the bare `-`/`+` are refused;
 * with `allowSeqStar` the `ms-*` form is accepted (XADD). Null when invalid.
 */
export function parseStreamId(text: string, missingSeq: bigint, strict = false, allowSeqStar = false): ParsedId | null {
  if (text.length > 127) return null;
  if (text === '-' || text === '+') {
    if (strict) return null;
    return { id: text === '-' ? MIN_ID : MAX_ID, seqGiven: true };
  }
  const dash = text.indexOf('-');
  const ms = parseU64(dash < 0 ? text : text.slice(0, dash));
  if (ms === null) return null;
  if (dash < 0) return { id: makeId(ms, missingSeq), seqGiven: true };
  const rest = text.slice(dash + 1);
  if (allowSeqStar && rest === '*') return { id: makeId(ms, 0n), seqGiven: false };
  const seq = parseU64(rest);
  if (seq === null) return null;
  return { id: makeId(ms, seq), seqGiven: true };
}
