// The value types a key can hold. A string value is a latin1 JS string (one char per byte);
// aggregate types are objects that know their Redis type name and encoding.

export interface AggregateValue {
  /** TYPE's answer: list, set, zset, hash, stream. */
  readonly typeName: string;
  /** OBJECT ENCODING's answer under the current config. */
  encoding(): string;
  /** A deep copy, for COPY and copy-before-write snapshots. */
  clone(): AggregateValue;
}

export type Value = string | AggregateValue;

export function typeName(v: Value): string {
  return typeof v === 'string' ? 'string' : v.typeName;
}

const MAX_EMBSTR = 44;

/** OBJECT ENCODING of a string value: int, embstr or raw, by Redis's rules. */
export function stringEncoding(s: string, raw: boolean): string {
  if (!raw && s.length <= 20 && /^(0|-?[1-9][0-9]*)$/.test(s)) {
    const n = BigInt(s);
    if (n >= -9223372036854775808n && n <= 9223372036854775807n) return 'int';
  }
  return s.length <= MAX_EMBSTR && !raw ? 'embstr' : 'raw';
}
