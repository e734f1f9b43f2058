// One node of a list: a run of elements held either loose (a JS array, cheap to edit) or
// packed (one latin1 string of varint-length-prefixed elements, ~1 byte of overhead each,
// the way a listpack is). The list decides when a node packs; this file owns the codec
// and the size rules that say when a node is full.

import { Buffer } from 'node:buffer';

/** Bytes per node for list-max-listpack-size -1..-5, as Redis's optimization_level. */
const SIZE_CLASSES = [4096, 8192, 16384, 32768, 65536];
/** Redis's SIZE_SAFETY_LIMIT: the byte cap of a node under a positive (count) fill. */
const SIZE_SAFETY_LIMIT = 8192;
/**
 * Entries per node whatever the fill says: keeps head inserts (array unshift) cheap —
 * LPUSH costs 85 ns at 128 against 280 ns at 1024 (2M pushes onto one list).
 */
const MAX_NODE_ENTRIES = 128;
/** A node larger than this stays loose: packing would copy a big value for little gain. */
const MAX_PACKED_BYTES = 1 << 20;

/** Approximate listpack bytes of one element: its data, encoding header and back-length. */
export function entryBytes(s: string): number {
  const n = s.length;
  if (n < 64) return n + 2;
  if (n < 4096) return n + 4;
  return n + 10;
}

/** The node limits a list keeps from its creation (quicklistSetOptions's fill). */
export class NodeLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;

  constructor(readonly fill: number) {
    if (fill >= 0) {
      this.maxEntries = Math.min(Math.max(fill, 1), MAX_NODE_ENTRIES);
      this.maxBytes = SIZE_SAFETY_LIMIT;
    } else {
      this.maxEntries = MAX_NODE_ENTRIES;
      this.maxBytes = SIZE_CLASSES[Math.min(-fill, SIZE_CLASSES.length) - 1] as number;
    }
  }

  /** Whether a node of `count` entries and `bytes` size takes one more element of `add` bytes. */
  accepts(count: number, bytes: number, add: number): boolean {
    return count === 0 || (count < this.maxEntries && bytes + add <= this.maxBytes);
  }
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/** Pack elements into one latin1 string: each is a little-endian base-128 length, then its bytes. */
export function packElements(items: readonly string[], dataBytes: number): string {
  const need = dataBytes + items.length * 5;
  const buf = need <= scratch.length ? scratch : need <= MAX_PACKED_BYTES * 2 ? (scratch = Buffer.allocUnsafe(need)) : Buffer.allocUnsafe(need);
  let p = 0;
  for (const s of items) {
    let n = s.length;
    while (n >= 0x80) {
      buf[p++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[p++] = n;
    // Short elements are copied here: a native write per element costs more than the copy.
    const len = s.length;
    if (len <= 16) for (let i = 0; i < len; i++) buf[p++] = s.charCodeAt(i);
    else p += buf.write(s, p, 'latin1');
  }
  return buf.toString('latin1', 0, p);
}

/** Where the length last read by readLength ends (saves allocating a pair per element). */
let lengthEnd = 0;

/** The 7-bit little-endian length prefix at packed[i]; sets lengthEnd past it. */
function readLength(packed: string, i: number): number {
  let n = 0;
  let shift = 0;
  let c: number;
  do {
    c = packed.charCodeAt(i++);
    n += (c & 0x7f) * 2 ** shift;
    shift += 7;
  } while (c & 0x80);
  lengthEnd = i;
  return n;
}

/** Every element of a packed string, in order. */
export function unpackElements(packed: string, count: number): string[] {
  const out = new Array<string>(count);
  let i = 0;
  for (let k = 0; k < count; k++) {
    const n = readLength(packed, i);
    i = lengthEnd;
    out[k] = packed.slice(i, i + n);
    i += n;
  }
  return out;
}

/** The k-th element of a packed string, decoding only the lengths before it. */
export function packedElementAt(packed: string, k: number): string {
  let i = 0;
  for (;;) {
    const n = readLength(packed, i);
    i = lengthEnd;
    if (k-- === 0) return packed.slice(i, i + n);
    i += n;
  }
}

export class ListNode {
  /** The elements when loose; null when packed. */
  items: string[] | null;
  packed = '';
  count: number;
  /** Approximate listpack size, for the fill rule. */
  bytes: number;
  /** Sum of element lengths, to size the pack buffer. */
  dataBytes: number;

  constructor(items: string[] = [], bytes = 0, dataBytes = 0) {
    this.items = items;
    this.count = items.length;
    this.bytes = bytes;
    this.dataBytes = dataBytes;
  }

  static of(items: string[]): ListNode {
    let bytes = 0;
    let data = 0;
    for (const s of items) {
      bytes += entryBytes(s);
      data += s.length;
    }
    return new ListNode(items, bytes, data);
  }

  /** The elements as an editable array, unpacking if needed. */
  loose(): string[] {
    if (this.items === null) {
      this.items = unpackElements(this.packed, this.count);
      this.packed = '';
    }
    return this.items;
  }

  /** Pack the elements into one string unless the node is too big to be worth it. */
  pack(): void {
    if (this.items === null || this.bytes > MAX_PACKED_BYTES) return;
    this.packed = packElements(this.items, this.dataBytes);
    this.items = null;
  }

  /** The elements for reading: the live array when loose, a decoded copy when packed. */
  view(): readonly string[] {
    return this.items ?? unpackElements(this.packed, this.count);
  }

  at(k: number): string {
    return this.items !== null ? (this.items[k] as string) : packedElementAt(this.packed, k);
  }

  /** False when `v` certainly is not an element (a packed node without it as a substring). */
  mayContain(v: string): boolean {
    return this.items !== null || this.packed.includes(v);
  }

  added(v: string): void {
    this.count++;
    this.bytes += entryBytes(v);
    this.dataBytes += v.length;
  }

  removed(v: string): void {
    this.count--;
    this.bytes -= entryBytes(v);
    this.dataBytes -= v.length;
  }

  /** Recount after a bulk edit of the loose array. */
  recount(): void {
    const items = this.items as string[];
    let bytes = 0;
    let data = 0;
    for (const s of items) {
      bytes += entryBytes(s);
      data += s.length;
    }
    this.count = items.length;
    this.bytes = bytes;
    this.dataBytes = data;
  }

  clone(): ListNode {
    const n = new ListNode(this.items === null ? [] : this.items.slice(), this.bytes, this.dataBytes);
    if (this.items === null) {
      n.items = null;
      n.packed = this.packed;
    }
    n.count = this.count;
    return n;
  }
}
