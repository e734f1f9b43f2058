// The worker half of RdbFileSource: reads the rest of an RDB file into the shared buffer a
// chunk at a time, publishing after each chunk how many bytes are in, and computes the file's
// CRC64 on the way, so that the main thread only parses. Posts the checksum when done.

import { parentPort, workerData } from 'node:worker_threads';
import { crc64 } from './crc64.js';
import { type ReadJob, type ReadResult, readRange } from './rdb-file-source.js';

function run(job: ReadJob): ReadResult {
  const bytes = new Uint8Array(job.data);
  const filled = new BigInt64Array(job.progress);
  const crc = crc64(bytes.subarray(0, Math.min(job.from, job.crcEnd)));
  readRange(job.fd, bytes, job.from, bytes.length, (start, end) => {
    if (start < job.crcEnd) crc64(bytes.subarray(start, Math.min(end, job.crcEnd)), crc);
    Atomics.store(filled, 0, BigInt(end));
  });
  return { lo: crc.lo, hi: crc.hi };
}

let result: ReadResult;
try {
  result = run(workerData as ReadJob);
} catch (e) {
  result = { error: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(result);
