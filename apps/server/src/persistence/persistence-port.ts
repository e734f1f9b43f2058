// The persistence port commands use (SAVE, BGSAVE, LASTSAVE, BGREWRITEAOF, DEBUG RELOAD/LOADAOF,
// INFO persistence), composed from the RDB service and the AOF service with Redis's rules for
// how they exclude each other (one background job at a time, BGSAVE SCHEDULE).

import { Buffer } from 'node:buffer';
import type { PersistencePort, ReloadOptions, ServerCore } from '@cinnabar/command-kit';
import { RdbFileSource } from '@cinnabar/persistence';
import { type Reply, reply } from '@cinnabar/resp';
import type { RdbService } from './rdb-service.js';

/** What the port needs of the AOF side. */
export interface AofPart {
  readonly rewriteInProgress: boolean;
  /** Startup: load the AOF when enabled; true when it was (it wins over the RDB). */
  loadAtStartup(): Promise<boolean>;
  /** Final write and fsync; false when that failed. */
  shutdown(): boolean;
  infoFields(): [string, string | number][];
  /** The aof_* fields Redis shows only while appendonly is yes. */
  infoEnabledFields(): [string, string | number][];
  /** The AOF write error that makes writes fail with MISCONF, or null. */
  writeError(): string | null;
  bgrewriteaof(inExec?: boolean): Reply;
  /** DEBUG AOF-FLUSH-SLEEP. */
  setFlushSleep(us: number): void;
  debugLoadAof(): Reply;
}

export class ServerPersistence implements PersistencePort {
  aof: AofPart | null = null;

  constructor(
    private readonly core: ServerCore,
    readonly rdb: RdbService,
  ) {}

  get totalForks(): number {
    return this.rdb.jobs.started;
  }

  get loading(): boolean {
    return this.rdb.loading !== null || this.extraLoading;
  }

  /** Set while something other than the RDB service loads (the AOF at startup). */
  extraLoading = false;

  infoFields(): [string, string | number][] {
    const out = this.rdb.infoFields();
    if (this.aof !== null) out.push(...this.aof.infoFields());
    out.push(['module_fork_in_progress', 0], ['module_fork_last_cow_size', 0]);
    if (this.aof !== null) out.push(...this.aof.infoEnabledFields());
    return out;
  }

  /** Why writes are refused (MISCONF), or null: a failed BGSAVE with save points, a failed AOF write. */
  writeError(): string | null {
    const rdb = this.rdb;
    if (rdb.lastBgsaveStatus === 'err' && this.core.config.get<boolean>('stop-writes-on-bgsave-error') && rdb.hasSavePoints()) {
      return 'MISCONF Redis is configured to save RDB snapshots, but it\'s currently unable to persist to disk. ' +
        'Commands that may modify the data set are disabled, because this instance is configured to report errors during ' +
        'writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.';
    }
    const aof = this.aof?.writeError() ?? null;
    return aof === null ? null : `MISCONF Errors writing to the AOF file: ${aof}`;
  }

  flushedAll(): void {
    const rdb = this.rdb;
    rdb.killBgsave();
    if (!rdb.hasSavePoints()) return;
    const dirty = this.core.keyspace.stats.dirty;
    try {
      rdb.saveSync();
    } catch {
      /* logged by the save; FLUSHALL still succeeds */
    }
    this.core.keyspace.stats.dirty = dirty;
  }

  save(): Reply {
    if (this.rdb.bgsaveInProgress) return reply.error('ERR Background save already in progress');
    try {
      this.rdb.saveSync();
    } catch {
      return reply.error('ERR');
    }
    return reply.ok;
  }

  bgsave(schedule: boolean): Reply {
    if (this.rdb.bgsaveInProgress) return reply.error('ERR Background save already in progress');
    if (this.aof?.rewriteInProgress === true || this.core.keyspace.snapshot !== null) {
      if (schedule) {
        this.rdb.bgsaveScheduled = true;
        return reply.simple('Background saving scheduled');
      }
      return reply.error(
        "ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
    }
    this.rdb.startBgsave();
    return reply.simple('Background saving started');
  }

  lastSave(): number {
    return Math.floor(this.rdb.lastSaveMs / 1000);
  }

  bgrewriteaof(): Reply {
    if (this.aof === null) return reply.error('ERR AOF is not available');
    return this.aof.bgrewriteaof();
  }

  debugReload(opts: ReloadOptions): Reply {
    const core = this.core;
    core.propagation.prevent();
    if (!opts.nosave) {
      this.rdb.killBgsave();
      try {
        this.rdb.saveSync();
      } catch {
        return reply.error('ERR');
      }
    }
    if (!opts.noflush) this.emptyData();
    try {
      this.rdb.loadSync(this.rdb.path(), { merge: opts.merge });
    } catch (e) {
      core.log.warn(`Error loading the RDB dump: ${(e as Error).message}`);
      return reply.error('ERR Error trying to load the RDB dump');
    }
    core.log.warn('DB reloaded by DEBUG RELOAD');
    return reply.ok;
  }

  debugLoadAof(): Reply {
    if (this.aof === null) return reply.error('ERR AOF is not available');
    this.core.propagation.prevent();
    return this.aof.debugLoadAof();
  }

  /** Shutdown: the AOF's final write and fsync; false when it failed. */
  shutdownAof(): boolean {
    return this.aof === null ? true : this.aof.shutdown();
  }

  async loadAofAtStartup(): Promise<boolean> {
    if (this.aof === null) return false;
    this.extraLoading = true;
    try {
      return await this.aof.loadAtStartup();
    } finally {
      this.extraLoading = false;
    }
  }

  /** Startup: load dump.rdb when it exists, with Redis's log lines. False when there is none. */
  async loadRdbAtStartup(): Promise<boolean> {
    let source: RdbFileSource;
    try {
      source = RdbFileSource.open(this.rdb.path());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    const log = this.core.log;
    const loader = await this.rdb.loadAsync(source);
    if (loader.keysEmpty > 0) {
      log.warn(`Done loading RDB, keys loaded: ${loader.keysLoaded}, keys expired: ${loader.keysExpired}, empty keys skipped: ${loader.keysEmpty}.`);
    } else {
      log.info(`Done loading RDB, keys loaded: ${loader.keysLoaded}, keys expired: ${loader.keysExpired}.`);
    }
    return true;
  }

  setAofFlushSleep(us: number): void {
    this.aof?.setFlushSleep(us);
  }

  replicationSnapshot(): Buffer {
    return this.rdb.encodeNow();
  }

  /** Redis's emptyData: every database emptied without counting writes. */
  emptyData(): void {
    const ks = this.core.keyspace;
    const dirty = ks.stats.dirty;
    ks.flushAll();
    this.core.functions.clear();
    ks.stats.dirty = dirty;
  }

  /** Periodic work: save points, a scheduled BGSAVE. */
  cron(): void {
    const rdb = this.rdb;
    if (rdb.loading !== null || this.extraLoading) return;
    const busy = rdb.bgsaveInProgress || this.aof?.rewriteInProgress === true || this.core.keyspace.snapshot !== null;
    if (busy) return;
    if (rdb.bgsaveScheduled) {
      rdb.bgsaveScheduled = false;
      rdb.startBgsave();
      return;
    }
    rdb.checkSavePoints();
  }
}
