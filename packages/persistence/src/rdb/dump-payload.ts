// DUMP/RESTORE payloads: the value's RDB type byte and payload, then the RDB version (2 bytes
// LE) and a CRC-64 of everything before it (8 bytes LE) — createDumpPayload and
// verifyDumpPayload of Redis 7.0, with RESTORE's exact error texts.

import { Buffer } from 'node:buffer';
import { RedisError } from '@cinnabar/common';
import type { EncodingLimits, Value } from '@cinnabar/storage';
import { crc64 } from './crc64.js';
import { RdbFormatError } from './errors.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';
import { RDB_VERSION } from './types.js';
import { isValueType, readValue, writeValue } from './value-codec.js';

const FOOTER = 10;

/**
 * DEBUG SET-SKIP-CHECKSUM-VALIDATION: one process-wide switch, as Redis's
 * server.skip_checksum_validation; parseDumpPayload reads it when not told otherwise.
 */
export const dumpPayloadChecks = { skipChecksumValidation: false };

/** RESTORE's "Bad data format", carrying what was wrong (Redis logs it at verbose level). */
export class BadDataFormatError extends RedisError {
  constructor(readonly reason: string) {
    super('ERR Bad data format');
  }
}
const writer = new RdbWriter(64 * 1024);

/** DUMP's reply for a value, as a latin1 string. `compress` is rdbcompression. */
export function createDumpPayload(v: Value, compress = true): string {
  writeValue(writer, v, { compress });
  return sealDumpPayload(writer);
}

/** What is in `w` followed by the RDB version and the CRC-64, as a latin1 string (DUMP, FUNCTION DUMP). */
export function sealDumpPayload(w: RdbWriter): string {
  w.writeByte(RDB_VERSION & 0xff);
  w.writeByte(RDB_VERSION >>> 8);
  const body = w.takeView();
  const crc = crc64(body);
  const out = Buffer.allocUnsafe(body.length + 8);
  body.copy(out, 0);
  out.writeUInt32LE(crc.lo, body.length);
  out.writeUInt32LE(crc.hi, body.length + 4);
  return out.toString('latin1');
}

/** True when the footer names a version this server reads (<= 10) and the checksum matches. */
export function verifyDumpPayload(p: Buffer, skipChecksum = false): boolean {
  if (p.length < FOOTER) return false;
  const footer = p.length - FOOTER;
  const version = (p[footer] as number) | ((p[footer + 1] as number) << 8);
  if (version > RDB_VERSION) return false;
  if (skipChecksum) return true;
  const crc = crc64(p.subarray(0, p.length - 8));
  return p.readUInt32LE(footer + 2) === crc.lo && p.readUInt32LE(footer + 6) === crc.hi;
}

/**
 * RESTORE's reading of a payload: "ERR DUMP payload version or checksum are wrong" for a bad
 * footer, "ERR Bad data format" for a body that is not one valid, non-empty value.
 */
export function parseDumpPayload(
  payload: string, limits: EncodingLimits, skipChecksum = dumpPayloadChecks.skipChecksumValidation, sanitize = true,
): Value {
  const p = Buffer.from(payload, 'latin1');
  if (!verifyDumpPayload(p, skipChecksum)) throw new RedisError('ERR DUMP payload version or checksum are wrong');
  const r = new RdbReader(p, 0, p.length - FOOTER);
  try {
    const type = r.readByte();
    if (!isValueType(type)) throw new RdbFormatError(`unknown RDB value type ${type}`);
    return readValue(r, type, limits, sanitize);
  } catch (e) {
    // Whatever a corrupt body trips over (RdbFormatError, or a RangeError deep in a decoder),
    // RESTORE answers the same way and stores nothing.
    throw new BadDataFormatError(e instanceof Error ? e.message : String(e));
  }
}
