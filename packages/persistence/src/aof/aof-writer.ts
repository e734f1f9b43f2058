// Appending to the current incr file: effect batches become RESP text in a buffer
// (feedAppendOnlyFile); flush() writes the buffer and fsyncs by appendfsync, as Redis's
// flushAppendOnlyFile before replies leave — always: fsync before any reply; everysec:
// background fsync at most once a second; no: the OS decides. File choice is the service's.

import { Buffer } from 'node:buffer';
import { closeSync, fdatasync, fdatasyncSync, fstatSync, openSync, writeSync } from 'node:fs';
import { CommandStreamEncoder, type DbCommand, OutputBuffer } from '@cinnabar/resp';

export type FsyncPolicy = 'always' | 'everysec' | 'no';

export interface AofWriterOptions {
  fsync: FsyncPolicy;
  /** aof-timestamp-enabled: a `#TS:<unix seconds>` line before the first command of each second. */
  timestamps: boolean;
  /** Unix seconds (the server's cached time). */
  nowSec: () => number;
  log: { info(m: string): void; warn(m: string): void };
  /** Called when a write or fsync fails under appendfsync always (Redis exits). */
  fatal: (message: string) => void;
}

export class AofWriter {
  private fd = -1;
  /** Commands encoded since the last write (Redis's aof_buf). */
  private readonly out = new OutputBuffer(64 * 1024);
  /** Database of the last command written; -1 forces a SELECT (new file, rewrite start). */
  readonly encoder = new CommandStreamEncoder();
  /** Bytes in the current incr file, and how many of them are known fsynced. */
  incrSize = 0;
  fsyncedSize = 0;
  /** Bytes written since the writer was opened (the service adds the other files' sizes). */
  written = 0;
  lastFsyncSec = 0;
  private curTimestamp = 0;
  /** Background fsyncs in flight (aof_pending_bio_fsync). */
  pendingBgFsync = 0;
  delayedFsync = 0;
  /** Set after a failed write (aof_last_write_status err); cleared by a good one. */
  writeError: string | null = null;
  private postponedSinceSec = 0;

  constructor(private readonly opts: AofWriterOptions) {}

  get policy(): FsyncPolicy {
    return this.opts.fsync;
  }

  set policy(p: FsyncPolicy) {
    this.opts.fsync = p;
  }

  set timestamps(on: boolean) {
    this.opts.timestamps = on;
  }

  get isOpen(): boolean {
    return this.fd !== -1;
  }

  /** Bytes waiting in the buffer (aof_buffer_length). */
  get bufferLength(): number {
    return this.out.size;
  }

  /** Append to `path` (created if missing), as the file new writes go to. */
  open(path: string, truncate: boolean): void {
    const fd = openSync(path, truncate ? 'w' : 'a', 0o644);
    this.attach(fd);
  }

  /** Switch to another file: the old one is fsynced and closed in the background. */
  private attach(fd: number): void {
    const old = this.fd;
    this.fd = fd;
    this.incrSize = fstatSync(fd).size;
    this.fsyncedSize = this.incrSize;
    this.encoder.db = -1;
    if (old !== -1) {
      this.pendingBgFsync++;
      fdatasync(old, () => {
        this.pendingBgFsync--;
        try {
          closeSync(old);
        } catch {
          /* already closed */
        }
      });
      this.lastFsyncSec = this.opts.nowSec();
    }
  }

  /** Queue one effect batch (already MULTI/EXEC-wrapped when needed). */
  feed(batch: readonly DbCommand[]): void {
    // Effects meant for replicas only (PUBLISH) never reach the AOF, as in Redis.
    if (batch.some((e) => e.replOnly === true)) batch = batch.filter((e) => e.replOnly !== true);
    if (batch.length === 0) return;
    if (this.opts.timestamps) {
      const now = this.opts.nowSec();
      if (this.curTimestamp < now) {
        this.curTimestamp = now;
        this.out.writeLatin1(`#TS:${now}\r\n`);
      }
    }
    this.encoder.encodeTo(batch, this.out);
  }

  /** Drop buffered bytes without writing them (AOF switched off, failed rewrite). */
  discardBuffer(): void {
    this.out.clear();
  }

  /**
   * Write the buffer and fsync as the policy says (flushAppendOnlyFile). `force` writes even
   * while a background fsync is slow under everysec.
   */
  /** Microseconds to block before each write (DEBUG AOF-FLUSH-SLEEP, for tests). */
  flushSleepUs = 0;

  flush(force = false): void {
    if (this.fd === -1) return;
    const now = this.opts.nowSec();
    if (this.out.isEmpty()) {
      // Nothing new, but bytes written earlier may still await their fsync.
      if (this.fsyncedSize === this.incrSize) return;
      if (this.opts.fsync === 'everysec' && (now <= this.lastFsyncSec || this.pendingBgFsync > 0)) return;
      if (this.opts.fsync === 'no') return;
      this.fsync(now);
      return;
    }
    if (this.opts.fsync === 'everysec' && !force && this.pendingBgFsync > 0) {
      if (this.postponedSinceSec === 0) {
        this.postponedSinceSec = now;
        return;
      }
      if (now - this.postponedSinceSec < 2) return;
      this.delayedFsync++;
      this.opts.log.info('Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.');
    }
    this.postponedSinceSec = 0;
    // DEBUG AOF-FLUSH-SLEEP: block before writing, as Redis's usleep in flushAppendOnlyFile.
    if (this.flushSleepUs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.flushSleepUs / 1000);
    const parts = this.out.take();
    const data = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    let done = 0;
    try {
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    } catch (e) {
      this.onWriteError(e as NodeJS.ErrnoException, data, done);
      return;
    }
    if (this.writeError !== null) {
      this.opts.log.warn('AOF write error looks solved, Redis can write again.');
      this.writeError = null;
    }
    this.incrSize += data.length;
    this.written += data.length;
    this.fsync(now);
  }

  private fsync(now: number): void {
    if (this.opts.fsync === 'always') {
      try {
        fdatasyncSync(this.fd);
      } catch (e) {
        this.opts.fatal(`Can't persist AOF for fsync error when the AOF fsync policy is 'always': ${errText(e)}. Exiting...`);
        return;
      }
      this.fsyncedSize = this.incrSize;
      this.lastFsyncSec = now;
    } else if (this.opts.fsync === 'everysec' && now > this.lastFsyncSec) {
      if (this.pendingBgFsync === 0) {
        const size = this.incrSize;
        this.pendingBgFsync++;
        fdatasync(this.fd, (err) => {
          this.pendingBgFsync--;
          if (err) this.writeError = err.message;
          else this.fsyncedSize = Math.max(this.fsyncedSize, size);
        });
      }
      this.lastFsyncSec = now;
    }
  }

  private onWriteError(e: NodeJS.ErrnoException, data: Buffer, partial: number): void {
    const text = errText(e);
    this.opts.log.warn(`Error writing to the AOF file: ${text}`);
    if (this.opts.fsync === 'always') {
      this.opts.fatal("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
      return;
    }
    this.writeError = text;
    // Keep the unwritten rest for the next try.
    this.out.writeBytes(data.subarray(partial));
    this.incrSize += partial;
    this.written += partial;
  }

  /** Write what is buffered, fsync, and close the file (shutdown, appendonly no). */
  close(): void {
    if (this.fd === -1) return;
    this.flush(true);
    try {
      fdatasyncSync(this.fd);
      this.lastFsyncSec = this.opts.nowSec();
    } catch (e) {
      this.opts.log.warn(`Fail to fsync the AOF file: ${errText(e)}`);
    }
    closeSync(this.fd);
    this.fd = -1;
    this.discardBuffer();
    this.encoder.db = -1;
  }
}

function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code === 'ENOSPC' ? 'No space left on device' : (err?.message ?? String(e));
}
