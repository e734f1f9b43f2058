// RDB snapshots for the running server: SAVE (synchronous), BGSAVE (fork-less: a point-in-time
// snapshot encoded in small pieces between event-loop turns and written by the thread pool),
// save points, loading at startup with -LOADING meanwhile, DEBUG RELOAD, and the rdb_* and
// loading_* fields of INFO persistence. Files are written to a temp name, fsynced and renamed.

import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, write as fsWrite, fsync as fsFsync, close as fsClose } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerCore } from '@cinnabar/command-kit';
import { REDIS_VERSION } from '@cinnabar/common';
import { encodeRdb, liveSource, RdbEncoder, type RdbFileSource, RdbLoader, type RdbSaveOptions, type RecordSource } from '@cinnabar/persistence';
import { lfuDecayed } from '@cinnabar/storage';
import { JobProcess } from './job-process.js';
import { BGSAVE_STALL_EVENT, LoopStallMeter } from './loop-stall.js';

export type SaveStatus = 'ok' | 'err';

/** Milliseconds of encoding per event-loop turn during BGSAVE (the stall budget). */
const SLICE_MS = 2;
/** Milliseconds of startup loading per event-loop turn (clients meanwhile get -LOADING). */
const LOAD_SLICE_MS = 10;
/** Keys encoded between clock checks. */
const KEYS_PER_CHECK = 32;
/** Keys per write(2) during SAVE. */
const SYNC_KEYS_PER_PIECE = 4096;

export class RdbService {
  lastSaveMs: number;
  lastBgsaveStatus: SaveStatus = 'ok';
  lastBgsaveTimeSec = -1;
  /** Bytes the last BGSAVE kept for copy-before-write (rdb_last_cow_size). */
  lastCowBytes = 0;
  /** The process standing for a background job (see job-process.ts). */
  readonly jobs = new JobProcess();
  lastBgsaveTryMs = 0;
  saves = 0;
  bgsaveStartMs = -1;
  bgsaveScheduled = false;
  /** Dirty counter when the running save began: what remains after it is still unsaved. */
  private dirtyAtStart = 0;
  private bg: { abort: () => void; encoder: RdbEncoder } | null = null;
  lastLoadKeysLoaded = 0;
  lastLoadKeysExpired = 0;
  /** Loading state (INFO loading_*). */
  loading: { startMs: number; totalBytes: number; loader: RdbLoader } | null = null;

  constructor(private readonly core: ServerCore) {
    this.lastSaveMs = core.clock.nowMs();
  }

  get bgsaveInProgress(): boolean {
    return this.bg !== null;
  }

  /**
   * The directory files live in. The server process chdir()s to `dir` (as redis-server does), so
   * main sets this to the working directory; in-process servers (tests) use `dir` as given.
   */
  dir: () => string = () => this.core.config.get<string>('dir');

  path(): string {
    return resolve(this.dir(), this.core.config.get<string>('dbfilename'));
  }

  private tempPath(prefix: string): string {
    return resolve(this.dir(), `${prefix}-${process.pid}.rdb`);
  }

  saveOptions(aofBase = false): RdbSaveOptions {
    const core = this.core;
    const config = core.config;
    const policy = config.get<string>('maxmemory-policy');
    const ks = core.keyspace;
    let access: RdbSaveOptions['access'] = null;
    if (policy.includes('lru')) access = (r) => ({ idle: ks.idleSeconds(r.lru) });
    else if (policy.endsWith('-lfu')) {
      const settings = { logFactor: config.get<number>('lfu-log-factor'), decayTime: config.get<number>('lfu-decay-time') };
      access = (r) => ({ freq: lfuDecayed(r.lru, settings, core.clock.nowMs()) });
    }
    return {
      compress: config.get<boolean>('rdbcompression'),
      checksum: config.get<boolean>('rdbchecksum'),
      aux: [
        ['redis-ver', REDIS_VERSION], ['redis-bits', 64], ['ctime', Math.floor(core.clock.nowMs() / 1000)],
        ['used-mem', core.usedMemoryBytes()],
        ['repl-stream-db', 0], ['repl-id', core.replication.replid], ['repl-offset', core.replication.offset],
        ['aof-base', aofBase ? 1 : 0],
      ],
      access,
      functions: core.functions.libraries(),
    };
  }

  /** The whole dataset as an RDB file, synchronously. */
  encodeNow(aofBase = false): Buffer {
    return encodeRdb(liveSource(this.core.keyspace), this.saveOptions(aofBase));
  }

  /**
   * A point-in-time RDB image written through `out` in pieces, yielding to the event loop
   * between them (AOF rewrite bases). The snapshot begins before this returns.
   */
  async writeSnapshot(out: { write(chunk: Buffer): void | Promise<void> }, aofBase: boolean): Promise<void> {
    const snap = this.core.keyspace.beginSnapshot();
    try {
      const encoder = new RdbEncoder(snap, this.saveOptions(aofBase));
      // rdb-key-save-delay (µs per key) paces this as it paces BGSAVE.
      const keyDelay = this.core.config.get<number>('rdb-key-save-delay');
      const perStep = keyDelay > 0 ? Math.max(1, Math.round(1000 / keyDelay)) : KEYS_PER_CHECK;
      for (;;) {
        const end = performance.now() + SLICE_MS;
        let piece: Buffer | null;
        do {
          piece = encoder.next(perStep);
          if (piece !== null) await out.write(piece);
        } while (piece !== null && keyDelay <= 0 && performance.now() < end);
        if (piece === null) return;
        if (keyDelay > 0) await new Promise((r) => setTimeout(r, Math.max(1, Math.round(keyDelay / 1000))));
        else await new Promise<void>((r) => this.core.background(r));
        // The job was stopped meanwhile (its snapshot aborted): the image is incomplete.
        if (snap.aborted) throw new Error('the background job was stopped');
      }
    } finally {
      if (snap.active) snap.abort();
    }
  }

  /** SAVE: write the file now, piece by piece as it is encoded. Throws with the OS error on failure. */
  saveSync(): void {
    const dirty = this.core.keyspace.stats.dirty;
    const encoder = new RdbEncoder(liveSource(this.core.keyspace), this.saveOptions());
    const tmp = this.tempPath('temp');
    try {
      const fd = openSync(tmp, 'w');
      try {
        for (let done = false; !done;) {
          done = encoder.step(SYNC_KEYS_PER_PIECE);
          const piece = encoder.takeView() as Buffer;
          for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at, piece.length - at);
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path());
    } catch (e) {
      this.core.log.warn(`Failed opening the temp RDB file ${tmp} (in server root dir ${process.cwd()}) for saving: ${(e as Error).message}`);
      try {
        unlinkSync(tmp);
      } catch {
        /* not created */
      }
      throw e;
    }
    this.core.log.info('DB saved on disk');
    this.core.keyspace.stats.dirty -= dirty;
    this.lastSaveMs = this.core.clock.nowMs();
    this.lastBgsaveStatus = 'ok';
    this.saves++;
  }

  /**
   * BGSAVE: a point-in-time snapshot encoded a slice at a time, written in order by the
   * thread pool. `done` is called with the outcome.
   */
  startBgsave(done?: (ok: boolean) => void): void {
    const core = this.core;
    const ks = core.keyspace;
    const snap = ks.beginSnapshot();
    const source: RecordSource = snap;
    const encoder = new RdbEncoder(source, this.saveOptions());
    const stall = new LoopStallMeter();
    let killedBy: string | null = null;
    const pid = this.jobs.attach((signal) => {
      killedBy = signal;
      finish(false, `terminated by signal ${signal}`);
    });
    const tmp = resolve(this.dir(), `temp-${pid}.rdb`);
    this.dirtyAtStart = ks.stats.dirty;
    this.bgsaveStartMs = core.clock.nowMs();
    this.lastBgsaveTryMs = this.bgsaveStartMs;
    let fd = -1;
    let aborted = false;
    // The save counts as in progress until its file is closed and renamed (end below).
    let finishing = false;
    const finish = (ok: boolean, why?: string): void => {
      if (finishing) return;
      finishing = true;
      this.jobs.detach();
      this.lastCowBytes = snap.capturedBytes;
      const stallMs = Math.round(stall.stop());
      core.log.debug(`Background saving: longest event-loop stall ${stallMs} ms`);
      core.latency.addIfNeeded(BGSAVE_STALL_EVENT, stallMs, core.latencyThresholdMs, Math.floor(core.clock.nowMs() / 1000));
      if (snap.active) snap.abort();
      const end = (): void => {
        this.bg = null;
        this.lastBgsaveTimeSec = Math.round((core.clock.nowMs() - this.bgsaveStartMs) / 1000);
        this.bgsaveStartMs = -1;
        if (ok) {
          try {
            renameSync(tmp, this.path());
          } catch (e) {
            ok = false;
            why = (e as Error).message;
          }
        }
        if (ok) {
          core.log.info('DB saved on disk');
          core.log.info('Background saving terminated with success');
          ks.stats.dirty -= this.dirtyAtStart;
          this.lastSaveMs = core.clock.nowMs();
          this.lastBgsaveStatus = 'ok';
          this.saves++;
        } else {
          // A save stopped on purpose (FLUSHALL, SHUTDOWN) is not a failure, as Redis's SIGUSR1 kill.
          if (aborted) core.log.warn('Background saving terminated by signal 10');
          else if (killedBy !== null) {
            core.log.warn(`Background saving terminated by signal ${killedBy}`);
            this.lastBgsaveStatus = 'err';
          } else {
            core.log.warn(`Background saving error${why ? `: ${why}` : ''}`);
            this.lastBgsaveStatus = 'err';
          }
          try {
            unlinkSync(tmp);
          } catch {
            /* nothing written */
          }
        }
        done?.(ok);
      };
      if (fd >= 0) fsClose(fd, end);
      else end();
    };
    this.bg = {
      encoder,
      abort: () => {
        aborted = true;
        finish(false);
      },
    };
    try {
      fd = openSync(tmp, 'w');
    } catch (e) {
      core.log.warn(`Failed opening the temp RDB file ${tmp}: ${(e as Error).message}`);
      finish(false, (e as Error).message);
      return;
    }
    core.log.info(`Background saving started by pid ${pid}`);
    const keyDelay = core.config.get<number>('rdb-key-save-delay');
    const pump = (): void => {
      if (finishing || this.bg?.encoder !== encoder) return;
      const sliceEnd = performance.now() + SLICE_MS;
      let last = false;
      // rdb-key-save-delay (µs per key, a test knob): about that pace, a millisecond's worth of
      // keys per timer tick.
      do last = encoder.step(keyDelay > 0 ? Math.max(1, Math.round(1000 / keyDelay)) : KEYS_PER_CHECK);
      while (!last && keyDelay <= 0 && performance.now() < sliceEnd);
      // The write runs on the thread pool while the encoder goes on: it gets its own copy.
      const data = Buffer.from(encoder.takeView() as Buffer);
      fsWrite(fd, data, 0, data.length, null, (err) => {
        if (err) return finish(false, err.message);
        if (!last) {
          if (keyDelay > 0) setTimeout(pump, Math.max(1, Math.round(keyDelay / 1000)));
          else this.core.background(pump);
          return;
        }
        fsFsync(fd, (err2) => finish(!err2, err2?.message));
      });
    };
    this.core.background(pump);
  }

  /** Stop a running BGSAVE (SHUTDOWN, FLUSHALL, DEBUG RELOAD): its temp file is removed. */
  killBgsave(): void {
    this.bg?.abort();
  }

  /** Progress for INFO current_save_keys_*. */
  saveProgress(): [number, number] {
    const s = this.core.keyspace.snapshot;
    if (this.bg === null || s === null) return [0, 0];
    return [s.emitted, s.totalKeys];
  }

  /** Load an RDB image into the keyspace at once (DEBUG RELOAD, startup fallback). */
  loadSync(file: string, opts: { merge: boolean }): RdbLoader {
    const buf = readFileSync(file);
    const loader = new RdbLoader(buf, this.core.keyspace, this.loadOptions(opts.merge, true));
    while (!loader.step(65536));
    this.noteLoaded(loader);
    return loader;
  }

  loadOptions(merge: boolean, skipExpired: boolean) {
    return {
      limits: this.core.keyspace.limits,
      skipExpired,
      allowDuplicates: merge,
      verifyChecksum: this.core.config.get<boolean>('rdbchecksum'),
      log: (msg: string) => this.core.log.info(msg),
      onFunction: (code: string) => this.core.functions.restoreLibrary(code, merge),
    };
  }

  noteLoaded(loader: RdbLoader): void {
    this.lastLoadKeysLoaded = loader.keysLoaded;
    this.lastLoadKeysExpired = loader.keysExpired;
  }

  /**
   * Load at startup without blocking the event loop for long: clients meanwhile get -LOADING
   * and INFO shows progress. The file is parsed as it is read (RdbFileSource), and its CRC64
   * comes from the reading thread. Resolves when done; rejects on a bad file.
   */
  async loadAsync(source: RdbFileSource): Promise<RdbLoader> {
    const core = this.core;
    // Redis's notes on the file, logged as its AUX fields are read (before the keys load).
    const onAux = (k: string, v: string): void => {
      if (k === 'redis-ver') core.log.info(`Loading RDB produced by version ${v}`);
      else if (k === 'ctime' && Number.isFinite(Number(v))) {
        core.log.info(`RDB age ${Math.max(0, Math.floor(core.clock.nowMs() / 1000) - Number(v))} seconds`);
      } else if (k === 'used-mem' && Number.isFinite(Number(v))) {
        core.log.info(`RDB memory usage when created ${(Number(v) / 1024 / 1024).toFixed(2)} Mb`);
      }
    };
    const opts = { ...this.loadOptions(false, true), onAux, deferChecksum: true };
    try {
      const loader = new RdbLoader(source.buf, core.keyspace, opts, source.available());
      this.loading = { startMs: core.clock.nowMs(), totalBytes: source.size, loader };
      await this.pumpLoad(loader, source);
      if (loader.pendingChecksum !== null) loader.checkChecksum(await source.checksum(loader.pendingChecksum));
      if (source.offThread) core.log.debug('RDB file read and checksummed by a worker thread');
      this.noteLoaded(loader);
      return loader;
    } finally {
      this.loading = null;
      source.close();
    }
  }

  /** Step the loader in slices of the event loop until it reaches EOF. */
  private pumpLoad(loader: RdbLoader, source: RdbFileSource): Promise<void> {
    const delay = this.core.config.get<number>('key-load-delay');
    return new Promise((resolveLoad, reject) => {
      const pump = (): void => {
        try {
          const end = performance.now() + LOAD_SLICE_MS;
          let done = false;
          loader.provide(source.available());
          do done = loader.step(delay > 0 ? 1 : 1024);
          while (!done && delay <= 0 && !loader.starved && performance.now() < end);
          if (done) resolveLoad();
          else if (delay > 0) setTimeout(pump, Math.max(1, Math.round(delay / 1000)));
          else if (loader.starved) setTimeout(pump, 1);
          else this.core.background(pump);
        } catch (e) {
          reject(e);
        }
      };
      pump();
    });
  }

  /** Save points: `save <seconds> <changes>` pairs; a BGSAVE starts when one is reached. */
  checkSavePoints(): void {
    if (this.bg !== null || this.loading !== null || this.core.keyspace.snapshot !== null) return;
    const core = this.core;
    const now = core.clock.nowMs();
    const params = core.config.get<string>('save').split(' ').filter(Boolean).map(Number);
    const dirty = core.keyspace.stats.dirty;
    for (let i = 0; i + 1 < params.length; i += 2) {
      const seconds = params[i] as number;
      const changes = params[i + 1] as number;
      if (dirty >= changes && now - this.lastSaveMs > seconds * 1000 &&
          (this.lastBgsaveStatus === 'ok' || now - this.lastBgsaveTryMs > 5000)) {
        core.log.info(`${changes} changes in ${seconds} seconds. Saving...`);
        this.startBgsave();
        return;
      }
    }
  }

  /** True when save points are configured (SHUTDOWN and SIGTERM save then). */
  hasSavePoints(): boolean {
    return this.core.config.get<string>('save').trim() !== '';
  }

  /** The rdb_* and loading fields of INFO persistence. */
  infoFields(): [string, string | number][] {
    const core = this.core;
    const now = core.clock.nowMs();
    const [processed, total] = this.saveProgress();
    const cow = this.bg !== null ? (this.core.keyspace.snapshot?.capturedBytes ?? 0) : 0;
    const loading = this.loading;
    const out: [string, string | number][] = [
      ['loading', loading ? 1 : 0], ['async_loading', 0], ['current_cow_peak', cow], ['current_cow_size', cow],
      ['current_cow_size_age', 0], ['current_fork_perc', total > 0 ? (processed * 100 / total).toFixed(2) : '0.00'],
      ['current_save_keys_processed', processed], ['current_save_keys_total', total],
    ];
    if (loading) {
      const done = loading.loader.position;
      const elapsed = (now - loading.startMs) / 1000;
      const perc = loading.totalBytes > 0 ? (done * 100) / loading.totalBytes : 0;
      const eta = done > 0 ? Math.round(((loading.totalBytes - done) / (done / Math.max(elapsed, 0.001)))) : 1;
      out.push(['loading_start_time', Math.floor(loading.startMs / 1000)], ['loading_total_bytes', loading.totalBytes],
        ['loading_rdb_used_mem', Number(loading.loader.aux.get('used-mem') ?? 0)], ['loading_loaded_bytes', done],
        ['loading_loaded_perc', perc.toFixed(2)], ['loading_eta_seconds', eta]);
    }
    out.push(
      ['rdb_changes_since_last_save', core.keyspace.stats.dirty], ['rdb_bgsave_in_progress', this.bg !== null ? 1 : 0],
      ['rdb_last_save_time', Math.floor(this.lastSaveMs / 1000)], ['rdb_last_bgsave_status', this.lastBgsaveStatus],
      ['rdb_last_bgsave_time_sec', this.lastBgsaveTimeSec],
      ['rdb_current_bgsave_time_sec', this.bgsaveStartMs >= 0 ? Math.round((now - this.bgsaveStartMs) / 1000) : -1],
      ['rdb_saves', this.saves], ['rdb_last_cow_size', this.lastCowBytes],
      ['rdb_last_load_keys_expired', this.lastLoadKeysExpired], ['rdb_last_load_keys_loaded', this.lastLoadKeysLoaded],
    );
    return out;
  }
}
