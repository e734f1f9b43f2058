// The packed form of a small hash (Redis's listpack encoding): field/value pairs in ONE
// latin1 string, each entry a length header then its bytes. Pure functions over that
// string; reads walk it linearly (n is small by definition), writes build a new flat string.

/** Headers: one char below 254; 254 + two chars below 65536; 255 + four chars otherwise. */
const SHORT_MAX = 253;
const MEDIUM = 254;
const LONG = 255;

/** Set by readLen: the header's size in chars, so reads allocate nothing. */
let headerSize = 1;

function readLen(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  if (c <= SHORT_MAX) {
    headerSize = 1;
    return c;
  }
  if (c === MEDIUM) {
    headerSize = 3;
    return (s.charCodeAt(pos + 1) << 8) | s.charCodeAt(pos + 2);
  }
  headerSize = 5;
  return (
    s.charCodeAt(pos + 1) * 0x1000000 +
    ((s.charCodeAt(pos + 2) << 16) | (s.charCodeAt(pos + 3) << 8) | s.charCodeAt(pos + 4))
  );
}

function header(len: number): string {
  if (len <= SHORT_MAX) return String.fromCharCode(len);
  if (len < 0x10000) return String.fromCharCode(MEDIUM, len >>> 8, len & 0xff);
  return String.fromCharCode(LONG, Math.floor(len / 0x1000000) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
}

/** One entry (header + bytes). */
function entry(s: string): string {
  return header(s.length) + s;
}

/**
 * Concatenation makes V8 rope strings, which cost several times their bytes; join()
 * produces one flat sequential string, which is what a packed hash must be.
 */
function flat(parts: string[]): string {
  return parts.join('');
}

/** Number of pairs. */
export function lpLength(s: string): number {
  let n = 0;
  for (let pos = 0; pos < s.length; n++) {
    pos += readLen(s, pos) + headerSize;
    pos += readLen(s, pos) + headerSize;
  }
  return n;
}

/** Offset of the field's entry, or -1. */
export function lpFind(s: string, field: string): number {
  const flen = field.length;
  for (let pos = 0; pos < s.length; ) {
    const len = readLen(s, pos);
    const start = pos + headerSize;
    if (len === flen && s.startsWith(field, start)) return pos;
    pos = start + len;
    pos += readLen(s, pos) + headerSize;
  }
  return -1;
}

/** Offset of the value entry that follows the field entry at `pos`. */
function valueOffset(s: string, pos: number): number {
  return pos + readLen(s, pos) + headerSize;
}

/** The value of the pair whose field entry is at `pos`. */
export function lpValueAt(s: string, pos: number): string {
  const v = valueOffset(s, pos);
  const len = readLen(s, v);
  const start = v + headerSize;
  return s.slice(start, start + len);
}

/** The value's length without copying it. */
export function lpValueLengthAt(s: string, pos: number): number {
  return readLen(s, valueOffset(s, pos));
}

export function lpGet(s: string, field: string): string | undefined {
  const pos = lpFind(s, field);
  return pos < 0 ? undefined : lpValueAt(s, pos);
}

/** A new field/value pair at the tail, as Redis appends new fields. */
export function lpAppend(s: string, field: string, value: string): string {
  return flat([s, entry(field), entry(value)]);
}

/** Replace the value of the pair at `pos`; the pair keeps its place (the same string when equal). */
export function lpReplaceValue(s: string, pos: number, value: string): string {
  const v = valueOffset(s, pos);
  const len = readLen(s, v);
  const end = v + len + headerSize;
  if (len === value.length && s.startsWith(value, v + headerSize)) return s;
  return flat([s.slice(0, v), entry(value), s.slice(end)]);
}

/** Remove the pair at `pos`. */
export function lpDeleteAt(s: string, pos: number): string {
  const v = valueOffset(s, pos);
  const end = v + readLen(s, v) + headerSize;
  if (pos === 0 && end === s.length) return '';
  return flat([s.slice(0, pos), s.slice(end)]);
}

/** The packed string of these pairs in order (the caller ensures the fields are distinct). */
export function lpFromPairs(fields: readonly string[], values: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < fields.length; i++) parts.push(entry(fields[i] as string), entry(values[i] as string));
  return flat(parts);
}

/** Visit every pair in order. */
export function lpForEach(s: string, visit: (field: string, value: string) => void): void {
  for (let pos = 0; pos < s.length; ) {
    const flen = readLen(s, pos);
    const fstart = pos + headerSize;
    const field = s.slice(fstart, fstart + flen);
    pos = fstart + flen;
    const vlen = readLen(s, pos);
    const vstart = pos + headerSize;
    visit(field, s.slice(vstart, vstart + vlen));
    pos = vstart + vlen;
  }
}
