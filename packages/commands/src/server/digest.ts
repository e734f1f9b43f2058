// DEBUG DIGEST / DIGEST-VALUE: Redis's SHA1 digests. Unordered things (keys, set members,
// hash fields) are combined with xor; ordered things are "mixed" (xor, then SHA1 of the
// running digest), so equal datasets give redis-server's exact hex.

import { Buffer } from 'node:buffer';
import type { Database, Entry, Value } from '@cinnabar/storage';
import { sha1 } from './sha1.js';

let scratch = Buffer.alloc(256);
const hash = new Uint8Array(20);

/** SHA1 of a latin1 string or bytes into the shared `hash`. */
function hashOf(data: string | Uint8Array): void {
  if (typeof data !== 'string') {
    sha1(data, data.length, hash);
    return;
  }
  if (scratch.length < data.length) scratch = Buffer.alloc(data.length * 2);
  const n = scratch.write(data, 0, 'latin1');
  sha1(scratch, n, hash);
}

export class Digest {
  readonly value = Buffer.alloc(20);

  /** Order-insensitive: xor the SHA1 of data in. */
  xor(data: string | Uint8Array): void {
    hashOf(data);
    for (let i = 0; i < 20; i++) this.value[i] = (this.value[i] as number) ^ (hash[i] as number);
  }

  /** Order-sensitive: xor, then replace the digest by its own SHA1. */
  mix(data: string | Uint8Array): void {
    this.xor(data);
    sha1(this.value, 20, this.value);
  }

  /** An element digested on its own (mixing its parts) and xored in: hash fields, zset members. */
  element(...parts: string[]): void {
    const d = new Digest();
    for (const p of parts) d.mix(p);
    this.xor(d.value);
  }

  hex(): string {
    return this.value.toString('hex');
  }
}

/** An aggregate value feeds itself into a digest (list: mix each, set: xor each, …). */
interface SelfDigesting {
  digest(d: Digest): void;
}

const TYPE_CODES: Record<string, number> = { string: 0, list: 1, set: 2, zset: 3, hash: 4, module: 5, stream: 6 };

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

const TYPE_BYTES: Record<string, Buffer> = Object.fromEntries(Object.entries(TYPE_CODES).map(([t, n]) => [t, uint32(n)]));

/** xorObjectDigest: the value's type, its contents, and whether the key has a TTL. */
export function digestValue(d: Digest, value: Value, expires: boolean): void {
  const type = typeof value === 'string' ? 'string' : value.typeName;
  d.mix(TYPE_BYTES[type] ?? (TYPE_BYTES['string'] as Buffer));
  if (typeof value === 'string') d.mix(value);
  else (value as unknown as Partial<SelfDigesting>).digest?.(d);
  if (expires) d.xor('!!expire!!');
}

export function digestEntry(db: Database, e: Entry): Digest {
  const d = new Digest();
  d.mix(e.key);
  digestValue(d, e.value, db.expireAt(e) !== 0);
  return d;
}

/** computeDatasetDigest over every database. */
export function datasetDigest(dbs: readonly Database[]): string {
  const final = new Digest();
  for (const db of dbs) {
    if (db.size === 0) continue;
    final.mix(uint32(db.id));
    for (const e of db.entries()) final.xor(digestEntry(db, e).value);
  }
  return final.hex();
}
