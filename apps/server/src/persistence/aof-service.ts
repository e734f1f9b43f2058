// The AOF lifecycle of Redis 7.0 without fork(): startup loading and opening, appending every
// effect batch, fsync before replies, BGREWRITEAOF from a point-in-time snapshot into a new
// base while writes continue in a new incr file, CONFIG SET appendonly, auto-rewrite, INFO.
// File formats and naming live in @cinnabar/persistence; RDB bases come from injected codecs.

import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import { closeSync, existsSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlink, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Log, ServerCore } from '@cinnabar/command-kit';
import {
  type AofLoadStatus, type AofManifest, AofManifestError, AofWriter, CommandBaseWriter, emptyManifest, formatManifest,
  type FsyncPolicy, lastIncr, loadAofFiles, manifestName, parseManifest, tempIncrName, tempManifestName, tempRewriteName,
  withNewBase, withNewIncr, withoutHistory, withRewrittenIncrAsHistory,
} from '@cinnabar/persistence';
import { type DbCommand, type Reply, reply } from '@cinnabar/resp';
import type { JobProcess } from './job-process.js';
import { AofLoadingClient } from './aof-loading-client.js';

type AofState = 'off' | 'on' | 'wait-rewrite';

export interface RdbCodec {
  /** Load an RDB image at the start of buf into the keyspace; returns the bytes it used. */
  load(buf: Buffer): number;
  /** Write the keyspace as an RDB AOF base (snapshot begun synchronously on call). */
  write(out: { write(chunk: Buffer): void | Promise<void> }): Promise<unknown>;
}

export interface AofServiceOptions {
  core: ServerCore;
  /** The RDB codec for preamble bases; without it bases are written as commands. */
  rdb?: RdbCodec;
  /** True while another snapshot user (BGSAVE) runs: the rewrite is scheduled instead. */
  otherChildActive?: () => boolean;
  /** Log and exit(1), as Redis does on unrecoverable AOF errors. */
  fatal: (message: string) => never;
  /** Where log lines go (default: the core's log). */
  log?: Log;
  /** The process standing for the rewrite job (its pid names the temp file; killing it fails the job). */
  jobs?: JobProcess;
  /** Working directory the AOF paths are relative to (default: the process's, which `dir` sets). */
  cwd?: string;
}

/** One background rewrite (Redis's AOF child): its temp file, start time, and a kill flag. */
class RewriteJob {
  killed = false;
  constructor(readonly tmp: string, readonly startSec: number) {}
}

const REWRITE_FAILED = "Can't execute an AOF background rewriting. Please check the server logs for more information.";

export class AofService {
  private st: AofState = 'off';
  /** Unsubscribes from the write path; null while the AOF is off (no effects recorded for it). */
  private detach: (() => void) | null = null;

  private get state(): AofState {
    return this.st;
  }

  /** The AOF listens to the write path only while it is on, so an AOF-less server records nothing. */
  private set state(next: AofState) {
    this.st = next;
    if (next === 'off') {
      this.detach?.();
      this.detach = null;
    } else if (this.detach === null) {
      this.detach = this.opts.core.propagation.subscribe((batch) => this.onEffects(batch));
    }
  }
  private manifest: AofManifest = emptyManifest();
  readonly writer: AofWriter;
  private job: RewriteJob | null = null;
  private rewriteScheduled = false;
  private lastRewriteTimeSec = -1;
  private lastBgrewriteOk = true;
  private rewrites = 0;
  private consecutiveFailures = 0;
  /** aof_current_size is this plus the writer's bytes written. */
  private sizeOffset = 0;
  private baseSize = 0;
  private loadingNow = false;
  private suppress = false;
  private flushQueued = false;
  private nextRewriteId = 1;

  constructor(private readonly opts: AofServiceOptions) {
    const core = opts.core;
    const config = core.config;
    this.writer = new AofWriter({
      fsync: config.get<FsyncPolicy>('appendfsync'),
      timestamps: config.get<boolean>('aof-timestamp-enabled'),
      nowSec: () => Math.floor(core.clock.nowMs() / 1000),
      log: opts.log ?? core.log,
      fatal: (m) => opts.fatal(m),
    });
    config.param<FsyncPolicy>('appendfsync').onChange((p) => (this.writer.policy = p));
    config.param<boolean>('aof-timestamp-enabled').onChange((on) => (this.writer.timestamps = on));
    // Turning history collection back on removes the history kept meanwhile, as Redis does.
    config.param<boolean>('aof-disable-auto-gc').onChange((off) => {
      if (!off && this.state !== 'off') this.deleteHistory();
    });
  }

  private onEffects(batch: readonly DbCommand[]): void {
    if (this.loadingNow || this.suppress) return;
    if (this.state === 'on' || (this.state === 'wait-rewrite' && this.job !== null)) {
      this.writer.feed(batch);
      this.queueFlush();
    }
  }

  private get config() {
    return this.opts.core.config;
  }

  private get log(): Log {
    return this.opts.log ?? this.opts.core.log;
  }

  private get aofFilename(): string {
    return this.config.get<string>('appendfilename');
  }

  private get dirname(): string {
    return this.inCwd(this.config.get<string>('appenddirname'));
  }

  private inCwd(name: string): string {
    return this.opts.cwd === undefined ? name : join(this.opts.cwd, name);
  }

  private nowSec(): number {
    return Math.floor(this.opts.core.clock.nowMs() / 1000);
  }

  /** appendonly is yes (Redis's aof_enabled). */
  get enabled(): boolean {
    return this.config.get<boolean>('appendonly');
  }

  /** A BGREWRITEAOF (or the initial rewrite of appendonly yes) is running. */
  get rewriteInProgress(): boolean {
    return this.job !== null;
  }

  /** Startup for the persistence port: true when appendonly is yes (the AOF then wins over the RDB). */
  async loadAtStartup(): Promise<boolean> {
    await this.startup();
    return this.enabled;
  }

  /** True while DEBUG LOADAOF or startup replays the AOF. */
  get loading(): boolean {
    return this.loadingNow;
  }

  /** Writes are refused with MISCONF while the last AOF write failed. */
  writeError(): string | null {
    return this.state === 'off' ? null : this.writer.writeError;
  }

  // ---- startup -------------------------------------------------------------------------

  /**
   * Server start (aofLoadManifestFromDisk, loadDataFromDisk's AOF part, aofOpenIfNeededOnServerStart,
   * aofDelHistoryFiles). With appendonly no only the manifest is read; the caller then loads
   * the RDB. Exits through `fatal` on a bad manifest or a failed load.
   */
  async startup(): Promise<void> {
    this.manifest = this.readManifest();
    if (this.enabled) this.state = 'on';
    // Registered once the state matches the setting (onChange runs at once with the current value).
    this.config.param<boolean>('appendonly').onChange((on) => this.onAppendonlyChange(on));
    if (!this.enabled) return;
    const start = performance.now();
    const status = this.loadFiles();
    if (status === 'failed' || status === 'open-err') this.opts.fatal('AOF loading failed');
    if (status !== 'not-exist') this.log.info(`DB loaded from append only file: ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
    await this.openOnStart();
    this.deleteHistory();
  }

  private readManifest(): AofManifest {
    const path = join(this.dirname, manifestName(this.aofFilename));
    if (!existsSync(this.dirname) || !existsSync(path)) return emptyManifest();
    try {
      return parseManifest(readFileSync(path, 'latin1'));
    } catch (e) {
      if (e instanceof AofManifestError) {
        for (const line of e.logLines()) this.log.warn(line);
        this.opts.fatal(e.message);
      }
      this.log.warn(`Fatal error: can't open the AOF manifest file ${path} for reading: ${(e as Error).message}`);
      return this.opts.fatal('manifest unreadable');
    }
  }

  /** An old-style appendonly.aof in the working directory moves into the AOF directory (aofUpgradePrepare). */
  private upgradeIfNeeded(): void {
    const name = this.aofFilename;
    const m = this.manifest;
    if (!existsSync(this.inCwd(name))) return;
    const noDir = !existsSync(this.dirname);
    const noFiles = m.base === null && m.incr.length === 0;
    const onlyOld = m.base !== null && m.incr.length === 0 && m.base.name === name && !existsSync(join(this.dirname, name));
    if (!noDir && !noFiles && !onlyOld) return;
    this.ensureDir(true);
    this.manifest = { ...emptyManifest(), base: { name, seq: 1, type: 'b' }, baseSeq: 1 };
    if (!this.persistManifest(this.manifest)) this.opts.fatal('manifest write failed');
    try {
      renameSync(this.inCwd(name), join(this.dirname, name));
    } catch (e) {
      this.log.warn(`Error trying to move the old AOF file ${name} into dir ${this.dirname}: ${(e as Error).message}`);
      this.opts.fatal('upgrade failed');
    }
    this.log.info(`Successfully migrated an old-style AOF file (${name}) into the AOF directory (${this.dirname}).`);
  }

  private loadFiles(): AofLoadStatus {
    this.upgradeIfNeeded();
    const client = new AofLoadingClient(this.opts.core, this.log);
    this.loadingNow = true;
    this.opts.core.keyspace.loading = true;
    try {
      const r = loadAofFiles(this.manifest, {
        dir: this.dirname, aofFilename: this.aofFilename, loadTruncated: this.config.get<boolean>('aof-load-truncated'),
        sink: client, log: this.log,
        loadRdb: (buf) => {
          if (this.opts.rdb === undefined) throw new Error('RDB loading is not available');
          return this.opts.rdb.load(buf);
        },
      });
      if (r.status === 'ok' || r.status === 'truncated') {
        this.sizeOffset = r.totalSize - this.writer.written;
        this.baseSize = r.baseSize;
      }
      return r.status;
    } finally {
      this.loadingNow = false;
      this.opts.core.keyspace.loading = false;
    }
  }

  private async openOnStart(): Promise<void> {
    this.ensureDir(true);
    const hadIncr = this.manifest.incr.length > 0;
    if (this.manifest.base === null && !hadIncr) {
      const next = withNewBase(this.manifest, this.aofFilename, this.usePreamble());
      const base = next.base as { name: string };
      const tmp = this.inCwd(`temp-rewriteaof-${process.pid}.aof`);
      if (!(await this.writeBase(tmp, null))) this.opts.fatal('base creation failed');
      renameSync(tmp, join(this.dirname, base.name));
      this.manifest = next;
      this.log.info(`Creating AOF base file ${base.name} on server start`);
    }
    const { manifest, name } = lastIncr(this.manifest, this.aofFilename);
    this.manifest = manifest;
    try {
      this.writer.open(join(this.dirname, name), false);
    } catch (e) {
      this.log.warn(`Can't open the append-only file ${name}: ${(e as Error).message}`);
      this.opts.fatal('open failed');
    }
    if (!this.persistManifest(this.manifest)) this.opts.fatal('manifest write failed');
    this.log.info(hadIncr ? `Opening AOF incr file ${name} on server start` : `Creating AOF incr file ${name} on server start`);
  }

  private ensureDir(fatalOnError: boolean): boolean {
    try {
      mkdirSync(this.dirname, { recursive: true });
      return true;
    } catch (e) {
      this.log.warn(`Can't open or create append-only dir ${this.dirname}: ${(e as Error).message}`);
      if (fatalOnError) this.opts.fatal('dir');
      return false;
    }
  }

  private usePreamble(): boolean {
    return this.config.get<boolean>('aof-use-rdb-preamble') && this.opts.rdb !== undefined;
  }

  /** Write the manifest to a temp file, fsync, rename over the real one (writeAofManifestFile). */
  private persistManifest(m: AofManifest): boolean {
    const name = manifestName(this.aofFilename);
    const tmp = join(this.dirname, tempManifestName(this.aofFilename));
    try {
      const fd = openSync(tmp, 'w', 0o644);
      try {
        writeSync(fd, Buffer.from(formatManifest(m), 'latin1'));
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, join(this.dirname, name));
      return true;
    } catch (e) {
      this.log.warn(`Error trying to rename the temporary AOF manifest file ${tempManifestName(this.aofFilename)} into ${name}: ${(e as Error).message}`);
      return false;
    }
  }

  private deleteHistory(): void {
    if (this.config.get<boolean>('aof-disable-auto-gc') || this.manifest.history.length === 0) return;
    for (const f of this.manifest.history) {
      this.log.info(`Removing the history file ${f.name} in the background`);
      unlink(join(this.dirname, f.name), () => undefined);
    }
    this.manifest = withoutHistory(this.manifest);
    this.persistManifest(this.manifest);
  }

  // ---- writing -------------------------------------------------------------------------

  /** Effects outside any client batch (cron expiry) still reach the disk in this turn. */
  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.beforeReply();
    });
  }

  /** DEBUG AOF-FLUSH-SLEEP: block this many microseconds before each AOF write. */
  setFlushSleep(us: number): void {
    this.writer.flushSleepUs = us;
  }

  /** Before any reply is written: write the buffer and fsync per appendfsync (network's beforeFlush). */
  beforeReply(): void {
    if (this.state !== 'off' && this.writer.bufferLength > 0) this.writer.flush(false);
  }

  /** From the server cron: pending fsyncs, scheduled and automatic rewrites. */
  cron(): void {
    if (this.state !== 'off') this.writer.flush(false);
    const busy = this.job !== null || (this.opts.otherChildActive?.() ?? false);
    if (!busy && this.rewriteScheduled) {
      this.rewriteBackground();
      return;
    }
    const pct = this.config.get<number>('auto-aof-rewrite-percentage');
    const current = this.currentSize();
    if (this.state === 'on' && !busy && pct > 0 && current > this.config.get<number>('auto-aof-rewrite-min-size')) {
      const base = this.baseSize > 0 ? this.baseSize : 1;
      const growth = Math.floor((current * 100) / base) - 100;
      if (growth >= pct && !this.rewriteLimited()) {
        this.log.info(`Starting automatic rewriting of AOF on ${growth}% growth`);
        this.rewriteBackground();
      }
    }
  }

  /** After this many failed rewrites in a row, automatic rewrites back off (aofRewriteLimited). */
  private static readonly LIMIT_THRESHOLD = 3;
  private limitDelayMinutes = 0;
  private limitUntilSec = 0;

  /** Redis's backoff for automatic rewrites after repeated failures: 1, 2, 4… up to 60 minutes. */
  private rewriteLimited(): boolean {
    if (this.consecutiveFailures < AofService.LIMIT_THRESHOLD) {
      this.limitDelayMinutes = 0;
      this.limitUntilSec = 0;
      return false;
    }
    const now = this.nowSec();
    if (this.limitUntilSec !== 0) {
      if (now < this.limitUntilSec) return true;
      this.limitUntilSec = 0;
      return false;
    }
    this.limitDelayMinutes = Math.min(60, this.limitDelayMinutes === 0 ? 1 : this.limitDelayMinutes * 2);
    this.limitUntilSec = now + this.limitDelayMinutes * 60;
    this.log.warn(`Background AOF rewrite has repeatedly failed and triggered the limit, will retry in ${this.limitDelayMinutes} minutes`);
    return true;
  }

  private currentSize(): number {
    return this.sizeOffset + this.writer.written;
  }

  /** Shutdown: the final write and fsync. False when the initial AOF is still being written (not forced). */
  shutdown(force = false): boolean {
    if (this.job !== null) {
      if (this.state === 'wait-rewrite') {
        this.log.warn(force ? 'Writing initial AOF. Exit anyway.' : "Writing initial AOF, can't exit.");
        if (!force) return false;
      }
      this.log.warn('There is a child rewriting the AOF. Killing it!');
      this.killRewrite();
    }
    if (this.state !== 'off') {
      this.log.info('Calling fsync() on the AOF file.');
      this.writer.close();
    }
    return true;
  }

  // ---- rewrite -------------------------------------------------------------------------

  /** BGREWRITEAOF (inExec: called inside MULTI/EXEC, where Redis only schedules it). */
  bgrewriteaof(inExec = false): Reply {
    if (this.job !== null) return reply.error('ERR Background append only file rewriting already in progress');
    if ((this.opts.otherChildActive?.() ?? false) || inExec) {
      this.rewriteScheduled = true;
      this.consecutiveFailures = 0;
      return reply.simple('Background append only file rewriting scheduled');
    }
    return this.rewriteBackground() ? reply.simple('Background append only file rewriting started') : reply.error(`ERR ${REWRITE_FAILED}`);
  }

  /** rewriteAppendOnlyFileBackground: new incr file first, then the base from a snapshot. */
  private rewriteBackground(): boolean {
    if (this.job !== null) return false;
    if (!this.ensureDir(false)) {
      this.lastBgrewriteOk = false;
      return false;
    }
    this.writer.encoder.db = -1;
    this.writer.flush(true);
    if (!this.openNewIncr()) {
      this.lastBgrewriteOk = false;
      return false;
    }
    this.rewrites++;
    const id = this.nextRewriteId++;
    let job: RewriteJob | null = null;
    const jobPid = this.opts.jobs?.attach((signal) => {
      if (job === null || this.job !== job) return;
      this.log.warn(`Background AOF rewrite terminated by signal ${signal}`);
      job.killed = true;
      this.opts.core.keyspace.snapshot?.abort();
      this.rewriteDone(job, false);
    });
    const tmp = this.inCwd(tempRewriteName(jobPid ?? id));
    job = new RewriteJob(tmp, this.nowSec());
    this.job = job;
    // The snapshot begins now, in the same turn as the new incr file: nothing falls between.
    const done = this.writeBase(tmp, job);
    this.log.info(`Background append only file rewriting started by pid ${jobPid ?? process.pid}`);
    this.rewriteScheduled = false;
    const started = job;
    void done.then((ok) => this.rewriteDone(started, ok));
    return true;
  }

  /** openNewIncrAofForAppend. */
  private openNewIncr(): boolean {
    if (this.state === 'off') return true;
    const next = this.state === 'wait-rewrite' ? null : withNewIncr(this.manifest, this.aofFilename);
    const name = next ? (next.incr[next.incr.length - 1] as { name: string }).name : tempIncrName(this.aofFilename);
    const path = join(this.dirname, name);
    let fd: number;
    try {
      fd = openSync(path, 'w', 0o644);
      closeSync(fd);
    } catch (e) {
      this.log.warn(`Can't open the append-only file ${name}: ${(e as Error).message}`);
      return false;
    }
    if (next && !this.persistManifest(next)) return false;
    this.log.info(`Creating AOF incr file ${name} on background rewrite`);
    this.writer.open(path, false);
    if (next) this.manifest = next;
    return true;
  }

  /** Write a base image to `tmp` (in the working directory); resolves false on error or kill. */
  private async writeBase(tmp: string, job: RewriteJob | null): Promise<boolean> {
    let fd = -1;
    try {
      fd = openSync(tmp, 'w', 0o644);
      const out = { write: (chunk: Buffer) => void writeAll(fd, chunk) };
      if (this.config.get<boolean>('aof-timestamp-enabled') && !this.usePreamble()) {
        out.write(Buffer.from(CommandBaseWriter.timestamp(Math.floor(Date.now() / 1000)), 'latin1'));
      }
      if (this.usePreamble()) {
        await (this.opts.rdb as RdbCodec).write({
          write: (chunk) => {
            if (job?.killed) throw new Error('killed');
            out.write(chunk);
          },
        });
      } else {
        await writeCommandBase(this.opts.core, out, job);
      }
      if (job?.killed) throw new Error('killed');
      await new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
      closeSync(fd);
      fd = -1;
      if (job !== null) this.log.info(`Successfully created the temporary AOF base file ${tmp}`);
      return true;
    } catch (e) {
      if (fd !== -1) closeSync(fd);
      if (!job?.killed) this.log.warn(`Write error writing append only file on disk: ${(e as Error).message}`);
      unlink(tmp, () => undefined);
      return false;
    }
  }

  /** backgroundRewriteDoneHandler. */
  private rewriteDone(job: RewriteJob, ok: boolean): void {
    if (this.job !== job) return; // killed meanwhile: nothing to do
    this.job = null;
    this.opts.jobs?.detach();
    if (ok && this.installBase(job)) {
      this.lastBgrewriteOk = true;
      this.consecutiveFailures = 0;
      this.log.info('Background AOF rewrite finished successfully');
      if (this.state === 'wait-rewrite') this.state = 'on';
    } else {
      if (!ok) this.log.warn('Background AOF rewrite terminated with error');
      this.lastBgrewriteOk = false;
      this.consecutiveFailures++;
      unlink(job.tmp, () => undefined);
    }
    if (this.state === 'wait-rewrite') {
      this.writer.close();
      this.removeTempIncr();
      this.rewriteScheduled = true;
    }
    this.lastRewriteTimeSec = this.nowSec() - job.startSec;
  }

  private installBase(job: RewriteJob): boolean {
    this.log.info('Background AOF rewrite terminated with success');
    let next = withNewBase(this.manifest, this.aofFilename, this.usePreamble());
    const baseName = (next.base as { name: string }).name;
    const basePath = join(this.dirname, baseName);
    try {
      renameSync(job.tmp, basePath);
    } catch (e) {
      this.log.warn(`Error trying to rename the temporary AOF base file ${job.tmp} into ${basePath}: ${(e as Error).message}`);
      return false;
    }
    this.log.info(`Successfully renamed the temporary AOF base file ${job.tmp} into ${baseName}`);
    let incrPath: string | null = null;
    if (this.state === 'wait-rewrite') {
      const tmpIncr = tempIncrName(this.aofFilename);
      next = withNewIncr(next, this.aofFilename);
      const incrName = (next.incr[next.incr.length - 1] as { name: string }).name;
      incrPath = join(this.dirname, incrName);
      try {
        renameSync(join(this.dirname, tmpIncr), incrPath);
      } catch (e) {
        this.log.warn(`Error trying to rename the temporary AOF incr file ${tmpIncr} into ${incrPath}: ${(e as Error).message}`);
        unlink(basePath, () => undefined);
        return false;
      }
      this.log.info(`Successfully renamed the temporary AOF incr file ${tmpIncr} into ${incrName}`);
    }
    next = withRewrittenIncrAsHistory(next, this.writer.isOpen);
    if (!this.persistManifest(next)) {
      unlink(basePath, () => undefined);
      if (incrPath) unlink(incrPath, () => undefined);
      return false;
    }
    this.manifest = next;
    if (this.state !== 'off') {
      this.sizeOffset = statSync(basePath).size + this.writer.incrSize - this.writer.written;
      this.baseSize = this.currentSize();
    }
    this.deleteHistory();
    return true;
  }

  private removeTempIncr(): void {
    const name = tempIncrName(this.aofFilename);
    this.log.info(`Removing the temp incr aof file ${name} in the background`);
    unlink(join(this.dirname, name), () => undefined);
  }

  private killRewrite(): void {
    const job = this.job;
    if (job === null) return;
    this.log.info(`Killing running AOF rewrite child: ${this.opts.jobs?.pid ?? process.pid}`);
    job.killed = true;
    this.job = null;
    this.opts.jobs?.detach();
    this.opts.core.keyspace.snapshot?.abort();
    unlink(job.tmp, () => undefined);
    this.lastRewriteTimeSec = -1;
  }

  // ---- appendonly yes/no -----------------------------------------------------------------

  private onAppendonlyChange(on: boolean): void {
    if (!on && this.state !== 'off') this.stopAppendOnly();
    else if (on && this.state === 'off') this.startAppendOnly();
  }

  private stopAppendOnly(): void {
    this.writer.close();
    if (this.state === 'wait-rewrite' && this.job !== null) this.removeTempIncr();
    this.state = 'off';
    this.rewriteScheduled = false;
    this.killRewrite();
  }

  private startAppendOnly(): void {
    this.state = 'wait-rewrite';
    if (this.opts.otherChildActive?.() ?? false) {
      this.rewriteScheduled = true;
      this.log.warn('AOF was enabled but there is already another background operation. An AOF background was scheduled to start when possible.');
    } else {
      if (this.job !== null) {
        this.log.warn('AOF was enabled but there is already an AOF rewriting in background. Stopping background AOF and starting a rewrite now.');
        this.killRewrite();
      }
      if (!this.rewriteBackground()) {
        this.state = 'off';
        this.log.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check the above logs for more info about the error.");
        throw new Error('Unable to turn on AOF. Check server logs.');
      }
    }
    if (this.writer.writeError !== null) {
      this.log.warn('AOF reopen, just ignore the last error.');
      this.writer.writeError = null;
    }
  }

  // ---- DEBUG LOADAOF and INFO ------------------------------------------------------------

  /** DEBUG LOADAOF: flush, empty the keyspace, load the AOF again. */
  debugLoadAof(): Reply {
    const core = this.opts.core;
    if (this.state !== 'off') this.writer.flush(true);
    core.keyspace.flushAll();
    core.functions.clear();
    this.manifest = this.readManifest();
    this.deleteHistory();
    const status = this.loadFiles();
    if (status !== 'ok' && status !== 'empty') this.opts.fatal('AOF loading failed');
    // Nothing of the reload may reach the AOF or replicas: not DEBUG itself, not what loading
    // expired (those effects are delivered when the DEBUG call ends, in this same turn).
    core.propagation.prevent();
    this.suppress = true;
    queueMicrotask(() => (this.suppress = false));
    core.keyspace.stats.dirty = 0; // as Redis: the reload is not a change to save or propagate
    this.log.warn('Append Only File loaded by DEBUG LOADAOF');
    return reply.ok;
  }

  /** INFO persistence: the aof_* block after rdb_last_load_keys_loaded, in Redis's order. */
  infoFields(): [string, string | number][] {
    const job = this.job;
    return [
      ['aof_enabled', this.state !== 'off' ? 1 : 0],
      ['aof_rewrite_in_progress', job !== null ? 1 : 0],
      ['aof_rewrite_scheduled', this.rewriteScheduled ? 1 : 0],
      ['aof_last_rewrite_time_sec', this.lastRewriteTimeSec],
      ['aof_current_rewrite_time_sec', job !== null ? this.nowSec() - job.startSec : -1],
      ['aof_last_bgrewrite_status', this.lastBgrewriteOk ? 'ok' : 'err'],
      ['aof_rewrites', this.rewrites],
      ['aof_rewrites_consecutive_failures', this.consecutiveFailures],
      ['aof_last_write_status', this.writer.writeError === null ? 'ok' : 'err'],
      ['aof_last_cow_size', 0],
    ];
  }

  /** The fields Redis adds after module_fork_last_cow_size when appendonly is yes. */
  infoEnabledFields(): [string, string | number][] {
    if (!this.enabled) return [];
    return [
      ['aof_current_size', this.currentSize()],
      ['aof_base_size', this.baseSize],
      ['aof_pending_rewrite', this.rewriteScheduled ? 1 : 0],
      ['aof_buffer_length', this.writer.bufferLength],
      ['aof_pending_bio_fsync', this.writer.pendingBgFsync],
      ['aof_delayed_fsync', this.writer.delayedFsync],
    ];
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  let done = 0;
  while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
}

/** Keys of a snapshot as commands, a chunk per event-loop turn. */
async function writeCommandBase(core: ServerCore, out: { write(chunk: Buffer): void }, job: RewriteJob | null): Promise<void> {
  const snap = core.keyspace.beginSnapshot();
  const writer = new CommandBaseWriter();
  // Redis's rewriteFunctions: a FUNCTION LOAD per library before the keys.
  for (const code of core.functions.libraries()) {
    out.write(Buffer.from(`*3\r\n$8\r\nFUNCTION\r\n$4\r\nLOAD\r\n$${code.length}\r\n${code}\r\n`, 'latin1'));
  }
  try {
    for (;;) {
      if (job?.killed) throw new Error('killed');
      const recs = snap.next(256);
      if (recs === null) return;
      out.write(Buffer.from(writer.records(recs), 'latin1'));
      if (job !== null) await new Promise<void>((r) => core.background(r));
    }
  } finally {
    snap.abort();
  }
}
