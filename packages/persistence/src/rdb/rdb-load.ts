// Loading an RDB file (versions 1–10, as Redis 7.0 can) into the keyspace, in steps so a
// server can keep answering -LOADING meanwhile: magic and version, AUX fields, SELECTDB,
// RESIZEDB, expiry and LRU/LFU records, every value type, EOF and the CRC64 check. Expired
// keys are skipped (a primary drops them), empty collections are skipped as Redis does, and
// anything malformed throws RdbFormatError — the loader never leaves a half-parsed value.

import { Buffer } from 'node:buffer';
import type { EncodingLimits, Keyspace } from '@cinnabar/storage';
import { crc64, crc64Bytes, type Crc64State } from './crc64.js';
import { RdbEmptyKeyError, RdbFormatError, RdbTruncatedError } from './errors.js';
import { readFunctionRecord } from './function-payload.js';
import { RdbReader } from './rdb-reader.js';
import {
  RDB_OPCODE_AUX, RDB_OPCODE_EOF, RDB_OPCODE_EXPIRETIME, RDB_OPCODE_EXPIRETIME_MS, RDB_OPCODE_FREQ,
  RDB_OPCODE_FUNCTION, RDB_OPCODE_FUNCTION2, RDB_OPCODE_IDLE, RDB_OPCODE_MODULE_AUX, RDB_OPCODE_RESIZEDB,
  RDB_OPCODE_SELECTDB, RDB_VERSION,
} from './types.js';
import { isValueType, readValue } from './value-codec.js';

export interface RdbLoadOptions {
  limits: EncodingLimits;
  /** Drop keys whose TTL has passed (a primary does; a replica keeps them). */
  skipExpired: boolean;
  /** A key already present is replaced (DEBUG RELOAD MERGE) instead of being an error. */
  allowDuplicates: boolean;
  /** Verify the CRC64 trailer when it is not zero (rdbchecksum). */
  verifyChecksum: boolean;
  /**
   * Leave the CRC64 to the caller, who computed it elsewhere (off the main thread): step()
   * answers true at EOF and `pendingChecksum` says what to check with checkChecksum().
   */
  deferChecksum?: boolean;
  /** Notices while loading (empty keys skipped), in Redis's words. */
  log?: (msg: string) => void;
  /** Each AUX field as it is read (the loader logs redis-ver, ctime and used-mem as Redis). */
  onAux?: (key: string, value: string) => void;
  /** Each function library's code (Redis 7.0 saves them after the AUX fields); throws to fail the load. */
  onFunction?: (code: string) => void;
}

export class RdbLoader {
  private readonly r: RdbReader;
  readonly aux = new Map<string, string>();
  readonly version: number;
  keysLoaded = 0;
  keysExpired = 0;
  keysEmpty = 0;
  private db = 0;
  private done = false;
  /** Where the last whole record ended: a step that runs out of available bytes resumes here. */
  private mark = 9;
  private starvedAt = -1;
  /** After a deferred-checksum load: how many leading bytes the CRC64 to check covers. */
  pendingChecksum: number | null = null;

  /**
   * `available` bytes of `buf` are there to read now; a file still being read into `buf`
   * raises it with provide() as more arrive.
   */
  constructor(
    private readonly buf: Buffer,
    private readonly keyspace: Keyspace,
    private readonly opts: RdbLoadOptions,
    available = buf.length,
  ) {
    if (buf.length < 9 || buf.toString('latin1', 0, 5) !== 'REDIS') throw new RdbFormatError('Wrong signature trying to load DB from file');
    const version = Number(buf.toString('latin1', 5, 9));
    if (!Number.isInteger(version) || version < 1 || version > RDB_VERSION) {
      throw new RdbFormatError(`Can't handle RDB format version ${buf.toString('latin1', 5, 9)}`);
    }
    this.version = version;
    this.r = new RdbReader(buf, 9, available);
  }

  /** More of the buffer has been filled: the first `available` bytes are readable. */
  provide(available: number): void {
    this.r.end = available;
  }

  /** True when the last step() stopped for want of bytes not yet provided. */
  get starved(): boolean {
    return this.starvedAt === this.r.end;
  }

  /** Bytes consumed so far. */
  get position(): number {
    return this.r.pos;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Load up to `maxKeys` keys; true once the whole file (and its checksum) is done. */
  step(maxKeys: number): boolean {
    try {
      return this.stepKeys(maxKeys);
    } catch (e) {
      if (e instanceof RdbTruncatedError && this.r.end < this.buf.length) {
        // The record runs past what has been read so far: take it again once there is more.
        this.r.pos = this.mark;
        this.starvedAt = this.r.end;
        return false;
      }
      if (e instanceof RdbFormatError) e.offset ??= this.r.pos;
      throw e;
    }
  }

  private stepKeys(maxKeys: number): boolean {
    const r = this.r;
    let expiresAt = -1;
    let idle: number | null = null;
    let freq: number | null = null;
    let n = 0;
    while (!this.done && n < maxKeys) {
      if (expiresAt === -1 && idle === null && freq === null) this.mark = r.pos;
      const type = r.readByte();
      switch (type) {
        case RDB_OPCODE_EXPIRETIME:
          expiresAt = r.readBytes(4).readInt32LE(0) * 1000;
          continue;
        case RDB_OPCODE_EXPIRETIME_MS:
          expiresAt = r.readMillis();
          continue;
        case RDB_OPCODE_IDLE:
          idle = r.readLength();
          continue;
        case RDB_OPCODE_FREQ:
          freq = r.readByte();
          continue;
        case RDB_OPCODE_SELECTDB: {
          const db = r.readLength();
          if (db >= this.keyspace.dbs.length) {
            throw new RdbFormatError(`FATAL: Data file was created with a Redis server configured to handle more than ${this.keyspace.dbs.length} databases. Exiting`);
          }
          this.db = db;
          continue;
        }
        case RDB_OPCODE_RESIZEDB:
          r.readLength();
          r.readLength();
          continue;
        case RDB_OPCODE_AUX: {
          const k = r.readString();
          const v = r.readString();
          this.aux.set(k, v);
          this.opts.onAux?.(k, v);
          continue;
        }
        case RDB_OPCODE_MODULE_AUX:
          throw new RdbFormatError('The RDB file contains AUX module data I can\'t load: no matching module');
        case RDB_OPCODE_FUNCTION:
        case RDB_OPCODE_FUNCTION2: {
          const code = readFunctionRecord(r, type);
          if (this.opts.onFunction === undefined) throw new RdbFormatError('The RDB file contains functions, which this server cannot load');
          try {
            this.opts.onFunction(code);
          } catch (e) {
            throw new RdbFormatError(`Failed loading library, ${e instanceof Error ? e.message : String(e)}`);
          }
          continue;
        }
        case RDB_OPCODE_EOF:
          this.finish();
          return true;
        default:
          break;
      }
      if (!isValueType(type)) throw new RdbFormatError(`Unknown RDB encoding type ${type}`);
      const key = r.readString();
      let value;
      try {
        value = readValue(r, type, this.opts.limits);
      } catch (e) {
        if (!(e instanceof RdbEmptyKeyError)) throw e;
        if (this.keysEmpty < 10) this.opts.log?.(`rdbLoadObject skipping empty key: ${key}`);
        this.keysEmpty++;
        expiresAt = -1;
        idle = freq = null;
        continue;
      }
      n++;
      this.place(key, value, expiresAt, idle, freq);
      expiresAt = -1;
      idle = freq = null;
    }
    return this.done;
  }

  private place(key: string, value: Parameters<Keyspace['dbs'][number]['add']>[1], expiresAt: number, idle: number | null, freq: number | null): void {
    const db = this.keyspace.db(this.db);
    if (expiresAt !== -1 && this.opts.skipExpired && expiresAt < this.keyspace.nowMs()) {
      this.keysExpired++;
      return;
    }
    // One hash lookup per key when duplicates are an error: add, and a size that did not grow
    // means the key was there (the load is abandoned then, so the overwrite does not matter).
    if (this.opts.allowDuplicates) {
      const old = db.peek(key);
      if (old !== undefined) db.remove(old);
    }
    const size = db.size;
    const e = db.add(key, value, expiresAt === -1 ? 0 : expiresAt);
    if (db.size === size && !this.opts.allowDuplicates) throw new RdbFormatError(`Duplicate key '${key}' found in RDB file`);
    db.setAccess(e, idle, freq);
    this.keysLoaded++;
  }

  private finish(): void {
    if (this.version < 5) {
      this.done = true;
      return;
    }
    const end = this.r.pos;
    const stored = this.r.readBytes(8);
    this.done = true;
    if (!this.opts.verifyChecksum || stored.every((b) => b === 0)) return;
    if (this.opts.deferChecksum === true) this.pendingChecksum = end;
    else this.checkChecksum(crc64(this.buf.subarray(0, end)));
  }

  /** Compare the CRC64 of the first `pendingChecksum` bytes, computed by the caller, with the trailer. */
  checkChecksum(sum: Crc64State): void {
    const end = this.r.pos - 8;
    const stored = this.buf.subarray(end, end + 8);
    const bytes = crc64Bytes(sum);
    if (!bytes.equals(stored)) {
      throw new RdbFormatError(`RDB CRC error (wrong RDB checksum expected: (${hex(stored)}) got (${hex(bytes)}))`);
    }
  }
}

function hex(le: Buffer): string {
  return le.readBigUInt64LE(0).toString(16);
}

/** Load a whole file at once. */
export function loadRdb(buf: Buffer, keyspace: Keyspace, opts: RdbLoadOptions): RdbLoader {
  const loader = new RdbLoader(buf, keyspace, opts);
  while (!loader.step(65536));
  return loader;
}
