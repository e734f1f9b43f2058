// FUNCTION DUMP / RESTORE payloads: each library as RDB_OPCODE_FUNCTION2 and its code string,
// then the RDB version and a CRC-64 (Redis 7.0's functionDumpCommand and functionRestoreCommand
// framing, with its error texts). The pre-GA RDB_OPCODE_FUNCTION record is read as 7.0 does.

import { Buffer } from 'node:buffer';
import { sealDumpPayload, verifyDumpPayload } from './dump-payload.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';
import { RDB_OPCODE_FUNCTION, RDB_OPCODE_FUNCTION2 } from './types.js';

/** FUNCTION DUMP's reply for these library codes, as a latin1 string. */
export function createFunctionsPayload(codes: readonly string[], compress: boolean): string {
  const w = new RdbWriter(4096);
  for (const code of codes) {
    w.writeByte(RDB_OPCODE_FUNCTION2);
    w.writeString(code, compress);
  }
  return sealDumpPayload(w);
}

/** One function record after its opcode (FUNCTION2: the code; FUNCTION: name, engine, description, body). */
export function readFunctionRecord(r: RdbReader, type: number): string {
  if (type === RDB_OPCODE_FUNCTION2) return r.readString();
  const name = r.readString();
  const engine = r.readString();
  if (r.readLength() !== 0) r.readString();
  const body = r.readString();
  return `#!${engine} name=${name}\n${body}`;
}

/** The library codes of a FUNCTION RESTORE payload, or Redis's error text (without "ERR "). */
export function parseFunctionsPayload(payload: string, skipChecksum: boolean): string[] | { error: string } {
  const p = Buffer.from(payload, 'latin1');
  if (!verifyDumpPayload(p, skipChecksum)) return { error: 'DUMP payload version or checksum are wrong' };
  const r = new RdbReader(p, 0, p.length - 10);
  const codes: string[] = [];
  while (p.length - 10 - r.pos > 0) {
    const type = r.readByte();
    if (type !== RDB_OPCODE_FUNCTION && type !== RDB_OPCODE_FUNCTION2) return { error: 'given type is not a function' };
    try {
      codes.push(readFunctionRecord(r, type));
    } catch {
      return { error: type === RDB_OPCODE_FUNCTION2 ? 'Failed loading library payload' : 'failed loading the given functions payload' };
    }
  }
  return codes;
}
