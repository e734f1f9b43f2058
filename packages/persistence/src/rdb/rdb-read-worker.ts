// The worker half of RdbFileSource: reads the rest of an RDB file into the shared buffer a
// chunk at a time, publishing after each chunk how many bytes are in, and computes the file's
// CRC64 on the way, so that the main thread only parses. Posts the checksum when done.

import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { crc64 } from './crc64.js';
import type { ReadJob, ReadResult } from './rdb-file-source.js';

const CHUNK = 1 << 20;

function run(job: ReadJob): ReadResult {
  const bytes = new Uint8Array(job.data);
  const filled = new BigInt64Array(job.progress);
  const size = bytes.length;
  const crc = crc64(bytes.subarray(0, Math.min(job.from, job.crcEnd)));
  let pos = job.from;
  while (pos < size) {
    const n = readSync(job.fd, bytes, pos, Math.min(CHUNK, size - pos), pos);
    if (n === 0) return { error: 'Short read or OOM loading DB. Unrecoverable error, aborting now.' };
    if (pos < job.crcEnd) crc64(bytes.subarray(pos, Math.min(pos + n, job.crcEnd)), crc);
    pos += n;
    Atomics.store(filled, 0, BigInt(pos));
  }
  return { lo: crc.lo, hi: crc.hi };
}

let result: ReadResult;
try {
  result = run(workerData as ReadJob);
} catch (e) {
  result = { error: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(result);
