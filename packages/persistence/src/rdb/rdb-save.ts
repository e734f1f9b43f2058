// Writing an RDB file (format 10, as Redis 7.0): header and AUX fields, then per database
// SELECTDB and RESIZEDB and its keys (expiry, LRU idle or LFU counter, type, key, value),
// then EOF and the CRC64 of everything before it. The encoder pulls records from a source —
// a running point-in-time snapshot for BGSAVE, the live databases for SAVE — and hands out
// the file in pieces, so a background save can yield to the event loop between them.

import { Buffer } from 'node:buffer';
import { type Keyspace, RecordPool, type SnapshotRecord, type SnapshotSection } from '@cinnabar/storage';
import { crc64, crc64Bytes, type Crc64State } from './crc64.js';
import { RdbWriter } from './rdb-writer.js';
import {
  RDB_OPCODE_AUX, RDB_OPCODE_EOF, RDB_OPCODE_EXPIRETIME_MS, RDB_OPCODE_FREQ, RDB_OPCODE_FUNCTION2, RDB_OPCODE_IDLE,
  RDB_OPCODE_RESIZEDB, RDB_OPCODE_SELECTDB, RDB_VERSION,
} from './types.js';
import { writeKeyValue } from './value-codec.js';

/** Where records come from: sections (for RESIZEDB) and records grouped by database. */
export interface RecordSource {
  readonly sections: readonly SnapshotSection[];
  /** The next records; those not captured by copy-before-write are reused by the next call. */
  next(max: number): SnapshotRecord[] | null;
}

export interface RdbSaveOptions {
  compress: boolean;
  checksum: boolean;
  /** AUX fields, in order (redis-ver, redis-bits, ctime, used-mem, …, aof-base). */
  aux: readonly (readonly [string, string | number])[];
  /** The access information saved with each key (maxmemory-policy decides), or null. */
  access: ((r: SnapshotRecord) => { idle: number } | { freq: number }) | null;
  /** Function libraries' code, each saved as RDB_OPCODE_FUNCTION2 after the AUX fields. */
  functions?: readonly string[];
}

/** The live databases as a record source, for a synchronous save (nothing runs meanwhile). */
export function liveSource(keyspace: Keyspace): RecordSource {
  const sections = keyspace.dbs.filter((db) => db.size > 0).map((db) => db.snapshotSection());
  let i = 0;
  let walk: Iterator<{ key: string; value: SnapshotRecord['value']; lru: number }> | null = null;
  const pool = new RecordPool();
  return {
    sections,
    next(max) {
      while (i < sections.length) {
        const s = sections[i] as SnapshotSection;
        walk ??= s.dict.values();
        const out: SnapshotRecord[] = [];
        while (out.length < max) {
          const r = walk.next();
          if (r.done === true) {
            walk = null;
            i++;
            break;
          }
          const e = r.value;
          out.push(pool.fill(out.length, s.db, e.key, e.value, s.expires.size === 0 ? 0 : (s.expires.get(e.key) ?? 0), e.lru));
        }
        if (out.length > 0) return out;
      }
      return null;
    },
  };
}

export class RdbEncoder {
  /** One writer for the whole file: pieces are taken from it, so it grows once, not per piece. */
  private readonly w = new RdbWriter(1 << 16);
  private crc: Crc64State = { lo: 0, hi: 0 };
  /** Bytes of the pending output already in `crc` (each step checksums what it wrote). */
  private crcDone = 0;
  private db = -1;
  private started = false;
  /** EOF has been written (the trailer follows in the next piece taken). */
  private ending = false;
  private finished = false;
  keys = 0;
  bytes = 0;

  constructor(
    private readonly source: RecordSource,
    private readonly opts: RdbSaveOptions,
  ) {}

  /**
   * Encode up to `maxKeys` more keys into the pending output (the header first, EOF last);
   * true once nothing is left to encode. Several steps may be taken together by takeView().
   */
  step(maxKeys: number): boolean {
    if (this.ending) return true;
    const w = this.w;
    if (!this.started) {
      this.started = true;
      this.header(w);
    }
    const records = this.source.next(maxKeys);
    if (records === null) {
      w.writeByte(RDB_OPCODE_EOF);
      this.ending = true;
      return true;
    }
    for (const r of records) this.record(w, r);
    // Checksummed as it is made, so a caller timing its steps also times the CRC.
    this.crc = crc64(w.peek(this.crcDone), this.crc);
    this.crcDone = w.length;
    return false;
  }

  /**
   * The output encoded since the last take, as a view valid until the next step (the last one,
   * with the CRC64 trailer, is a buffer of its own); null once the file has been handed out.
   */
  takeView(): Buffer | null {
    if (this.finished) return null;
    const body = this.w.takeView();
    this.crc = crc64(body.subarray(this.crcDone), this.crc);
    this.crcDone = 0;
    this.bytes += body.length;
    if (!this.ending) return body;
    this.finished = true;
    this.bytes += 8;
    return Buffer.concat([body, this.opts.checksum ? crc64Bytes(this.crc) : Buffer.alloc(8)]);
  }

  /** The next piece of the file (up to about `maxKeys` keys) as a buffer of its own, or null once complete. */
  next(maxKeys: number): Buffer | null {
    if (this.finished) return null;
    this.step(maxKeys);
    const view = this.takeView() as Buffer;
    return this.finished ? view : Buffer.from(view);
  }

  private header(w: RdbWriter): void {
    w.writeBytes(Buffer.from(`REDIS${String(RDB_VERSION).padStart(4, '0')}`, 'latin1'));
    for (const [k, v] of this.opts.aux) {
      w.writeByte(RDB_OPCODE_AUX);
      w.writeString(k, false);
      w.writeString(String(v), false);
    }
    for (const code of this.opts.functions ?? []) {
      w.writeByte(RDB_OPCODE_FUNCTION2);
      w.writeString(code, this.opts.compress);
    }
  }

  private record(w: RdbWriter, r: SnapshotRecord): void {
    if (r.db !== this.db) {
      this.db = r.db;
      const s = this.source.sections.find((x) => x.db === r.db);
      w.writeByte(RDB_OPCODE_SELECTDB);
      w.writeLength(r.db);
      w.writeByte(RDB_OPCODE_RESIZEDB);
      w.writeLength(s?.keys ?? 0);
      w.writeLength(s?.volatile ?? 0);
    }
    if (r.expiresAt !== 0) {
      w.writeByte(RDB_OPCODE_EXPIRETIME_MS);
      w.writeMillis(r.expiresAt);
    }
    const access = this.opts.access;
    if (access !== null) {
      const a = access(r);
      if ('idle' in a) {
        w.writeByte(RDB_OPCODE_IDLE);
        w.writeLength(a.idle);
      } else {
        w.writeByte(RDB_OPCODE_FREQ);
        w.writeByte(a.freq);
      }
    }
    writeKeyValue(w, r.key, r.value, this.opts);
    this.keys++;
  }
}

/** A whole RDB file at once (DEBUG RELOAD, replication): nothing else runs meanwhile. */
export function encodeRdb(source: RecordSource, opts: RdbSaveOptions): Buffer {
  const enc = new RdbEncoder(source, opts);
  const parts: Buffer[] = [];
  for (let p = enc.next(4096); p !== null; p = enc.next(4096)) parts.push(p);
  return Buffer.concat(parts);
}
