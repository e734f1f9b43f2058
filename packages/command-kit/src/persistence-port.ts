// What commands reach of persistence (RDB saves, AOF, loading): a port the app fills in,
// so SAVE, BGSAVE, BGREWRITEAOF, DEBUG RELOAD and INFO persistence stay thin.

import { Buffer } from 'node:buffer';
import { type Reply, reply } from '@cinnabar/resp';

export interface ReloadOptions {
  /** Keep existing keys (NOFLUSH). */
  noflush: boolean;
  /** Do not save first (NOSAVE). */
  nosave: boolean;
  /** Loaded keys may replace existing ones (MERGE). */
  merge: boolean;
}

export interface PersistencePort {
  /** INFO persistence, in Redis's field order. */
  infoFields(): [string, string | number][];
  /** True while a dataset loads: commands not flagged `loading` get -LOADING. */
  readonly loading: boolean;
  /** Why write commands are refused with MISCONF right now, or null (checked per write). */
  writeError(): string | null;
  /** FLUSHALL happened: stop a BGSAVE and, with save points, save the empty dataset. */
  flushedAll(): void;
  /** Background jobs (BGSAVE, AOF rewrites) started: INFO total_forks. */
  readonly totalForks: number;
  /** SAVE: a synchronous snapshot. */
  save(): Reply;
  /** BGSAVE [SCHEDULE]. */
  bgsave(schedule: boolean): Reply;
  /** LASTSAVE: unix seconds of the last successful save. */
  lastSave(): number;
  /** BGREWRITEAOF. */
  bgrewriteaof(): Reply;
  /** DEBUG RELOAD. */
  debugReload(opts: ReloadOptions): Reply;
  /** DEBUG LOADAOF. */
  debugLoadAof(): Reply;
  /** DEBUG AOF-FLUSH-SLEEP: block this long before each AOF write. */
  setAofFlushSleep(us: number): void;
  /** The dataset as an RDB payload for a replica's full resynchronisation. */
  replicationSnapshot(): Buffer;
}

const unavailable = (): Reply => reply.error('ERR persistence is not available');

/** The port before the app installs one (and in contexts without files). */
export const noPersistence: PersistencePort = {
  infoFields: () => [],
  loading: false,
  totalForks: 0,
  writeError: () => null,
  flushedAll: () => undefined,
  save: unavailable,
  bgsave: unavailable,
  lastSave: () => 0,
  bgrewriteaof: unavailable,
  debugReload: unavailable,
  debugLoadAof: unavailable,
  replicationSnapshot: () => Buffer.alloc(0),
  setAofFlushSleep: () => undefined,
};
