// An RDB file being read while it loads: the main thread reads the first chunk itself, then a
// worker thread reads the rest into shared memory and computes the CRC64 meanwhile, so the
// loader (RdbLoader.provide) parses what is in while the file's reading and checksum cost the
// event loop nothing. Without a worker (it failed to start) the main thread reads the rest at
// once on the next available() and checksums itself: the same bytes, only slower.

import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { crc64, type Crc64State } from './crc64.js';

/** What the worker is given. */
export interface ReadJob {
  fd: number;
  data: SharedArrayBuffer;
  /** One BigInt64: the bytes of `data` filled so far. */
  progress: SharedArrayBuffer;
  /** Bytes the main thread has already read. */
  from: number;
  /** The checksum covers [0, crcEnd): all but the 8-byte trailer. */
  crcEnd: number;
}

/** What the worker answers. */
export type ReadResult = Crc64State | { error: string };

/** Read by the main thread before the worker takes over: parsing starts while the worker boots. */
const FIRST_CHUNK = 1 << 20;
/** Bytes per read(2), after which the fill mark moves. */
const CHUNK = 1 << 20;

/**
 * Read [from, to) of the file into `bytes` a chunk at a time, calling `each(start, end)` after
 * every chunk; a file shorter than it was at open is Redis's short-read error.
 */
export function readRange(fd: number, bytes: Uint8Array, from: number, to: number, each?: (start: number, end: number) => void): void {
  for (let pos = from; pos < to;) {
    const n = readSync(fd, bytes, pos, Math.min(CHUNK, to - pos), pos);
    if (n === 0) throw new Error('Short read or OOM loading DB. Unrecoverable error, aborting now.');
    each?.(pos, pos + n);
    pos += n;
  }
}

export interface RdbFileSourceOptions {
  /** The worker module (tests point at the compiled one); null reads on the main thread. */
  workerUrl?: URL | null;
}

export class RdbFileSource {
  readonly buf: Buffer;
  private readonly filled: BigInt64Array;
  private readonly fd: number;
  private worker: Worker | null = null;
  private result: Promise<ReadResult> | null = null;
  private closed = false;
  /** True once the worker has read the whole file and checksummed it. */
  offThread = false;

  private constructor(fd: number, size: number, opts: RdbFileSourceOptions) {
    this.fd = fd;
    const data = new SharedArrayBuffer(size);
    const progress = new SharedArrayBuffer(8);
    this.buf = Buffer.from(data);
    this.filled = new BigInt64Array(progress);
    const first = this.readFrom(0, Math.min(size, FIRST_CHUNK));
    const url = opts.workerUrl === undefined ? new URL('./rdb-read-worker.js', import.meta.url) : opts.workerUrl;
    if (first >= size || url === null) return;
    try {
      const job: ReadJob = { fd, data, progress, from: first, crcEnd: size - 8 };
      const worker = new Worker(url, { workerData: job });
      this.worker = worker;
      this.result = new Promise<ReadResult>((resolve) => {
        // Once the worker answers or fails it reads no more: a failure (its module missing, a
        // read error) leaves the rest to the main thread, whose own read then succeeds or throws.
        const settle = (r: ReadResult): void => {
          if (this.worker === worker && !('error' in r)) this.offThread = true;
          this.worker = null;
          resolve(r);
        };
        worker.once('message', settle);
        worker.once('error', (e: Error) => settle({ error: e.message }));
        worker.once('exit', () => settle({ error: 'the RDB reading thread exited' }));
      });
    } catch {
      this.worker = null;
    }
  }

  /** Open `path` and start reading it; throws as openSync does (ENOENT when there is no file). */
  static open(path: string, opts: RdbFileSourceOptions = {}): RdbFileSource {
    const fd = openSync(path, 'r');
    try {
      return new RdbFileSource(fd, fstatSync(fd).size, opts);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  get size(): number {
    return this.buf.length;
  }

  /** Bytes of `buf` that hold the file's contents now. */
  available(): number {
    const n = Number(Atomics.load(this.filled, 0));
    if (n < this.buf.length && this.worker === null) return this.readFrom(n, this.buf.length);
    return n;
  }

  /**
   * The CRC64 of the file's first `end` bytes: the worker's when it covered exactly those
   * (the trailer is the file's last 8 bytes, as in every file Redis writes), else computed here.
   */
  async checksum(end: number): Promise<Crc64State> {
    if (this.result !== null) {
      const r = await this.result;
      if (!('error' in r) && end === this.buf.length - 8) return r;
    }
    this.available();
    return crc64(this.buf.subarray(0, end));
  }

  /** Stop reading and release the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker === null) closeSync(this.fd);
    else void worker.terminate().finally(() => closeSync(this.fd));
  }

  /** Read [from, to) on this thread; returns the new fill mark. */
  private readFrom(from: number, to: number): number {
    readRange(this.fd, this.buf, from, to);
    Atomics.store(this.filled, 0, BigInt(to));
    return to;
  }
}
