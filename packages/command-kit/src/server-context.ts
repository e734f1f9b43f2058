// Everything a handler can reach beyond its own session. Pieces owned by command-kit are
// concrete; pieces owned by feature packages (pub/sub) are ports the app fills in.

import type { Clock, Random } from '@cinnabar/common';
import type { Reply } from '@cinnabar/resp';
import type { Keyspace } from '@cinnabar/storage';
import type { ClientRegistry } from './clients.js';
import type { ConfigRegistry } from './config/registry.js';
import type { CommandRegistry } from './registry.js';
import type { ClientSession } from './session.js';
import type { ServerStats } from './stats.js';
import type { Slowlog } from './slowlog.js';
import type { WatchRegistry } from './watch.js';
import type { LatencyMonitor } from './latency.js';
import type { BlockingRegistry } from './blocking.js';
import type { Dispatcher } from './dispatcher.js';
import type { Propagation } from './propagation.js';
import type { PersistencePort } from './persistence-port.js';

export interface Log {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface PubSubPort {
  subscribe(c: ClientSession, channel: string): boolean;
  unsubscribe(c: ClientSession, channel: string): boolean;
  psubscribe(c: ClientSession, pattern: string): boolean;
  punsubscribe(c: ClientSession, pattern: string): boolean;
  ssubscribe(c: ClientSession, channel: string): boolean;
  sunsubscribe(c: ClientSession, channel: string): boolean;
  publish(channel: string, message: string): number;
  spublish(channel: string, message: string): number;
  /** Drop every subscription of a closing or RESET client. */
  dropClient(c: ClientSession): void;
  channels(pattern: string | null, shard: boolean): string[];
  numsub(channel: string, shard: boolean): number;
  numpat(): number;
}

/** One section of INFO: a name and its "field:value" lines, computed on demand. */
export type InfoSection = () => [string, string | number][];

export interface ServerInfo {
  readonly runId: string;
  readonly startMs: number;
  readonly executable: string;
  readonly configFile: string;
  port: number;
  readonly pid: number;
}

/** Replication ids INFO replication shows; the replication package takes them over. */
export interface ReplicationIds {
  replid: string;
  replid2: string;
  offset: number;
  secondOffset: number;
}

/** Function libraries as persistence sees them (their FUNCTION LOAD code); scripting fills it in. */
export interface FunctionsPort {
  libraries(): string[];
  /** Create a library from its code (RDB loading); throws Error with Redis's message. */
  restoreLibrary(code: string, replace: boolean): void;
  /** Drop every library (emptyData). */
  clear(): void;
}

export interface ServerContext {
  readonly keyspace: Keyspace;
  readonly clock: Clock;
  readonly random: Random;
  readonly config: ConfigRegistry;
  readonly commands: CommandRegistry;
  readonly clients: ClientRegistry;
  readonly stats: ServerStats;
  readonly slowlog: Slowlog;
  readonly latency: LatencyMonitor;
  readonly watch: WatchRegistry;
  readonly blocking: BlockingRegistry;
  readonly dispatcher: Dispatcher;
  /** The one write path: effects for the AOF and replicas. */
  readonly propagation: Propagation;
  /** DEBUG SET-DISABLE-DENY-SCRIPTS: scripts may call noscript commands (tests). */
  scriptDenyDisabled: boolean;
  /** RDB/AOF: SAVE, BGSAVE, BGREWRITEAOF, DEBUG RELOAD, INFO persistence; the app fills it in. */
  readonly persistence: PersistencePort;
  /** FUNCTION libraries for RDB/AOF; scripting fills it in. */
  functions: FunctionsPort;
  /** slowlog-log-slower-than, cached for the per-command check. */
  readonly slowlogThresholdUs: number;
  /** Number of MONITOR clients, so the per-command check is one comparison. */
  readonly monitorCount: number;
  /** maxmemory in bytes, cached; 0 = no limit. */
  readonly maxmemoryBytes: number;
  /** Memory in use as INFO's used_memory counts it (V8 heap + external), sampled at most every 10 ms. */
  usedMemoryBytes(): number;
  /** The MONITOR clients. */
  readonly monitors: Set<ClientSession>;
  /** latency-tracking and latency-monitor-threshold, cached for the per-command checks. */
  readonly latencyTracking: boolean;
  readonly latencyThresholdMs: number;
  readonly log: Log;
  readonly info: ServerInfo;
  pubsub: PubSubPort;
  /** Extra INFO sections contributed by other packages, by lower-case name. */
  readonly infoSections: Map<string, InfoSection>;
  /** Handlers run on the close of every session (unsubscribe, unwatch, unblock…). */
  readonly onSessionClose: ((c: ClientSession) => void)[];
  /** MONITOR feed: called for every executed command. */
  feedMonitors(c: ClientSession, argv: readonly string[]): void;
  requiresAuth(): boolean;
  readonly replication: ReplicationIds;
  /** DEBUG CHANGE-REPL-ID: a new random replid, the old one forgotten. */
  changeReplicationId(): void;
  /**
   * CONFIG REWRITE (forceAll: DEBUG CONFIG-REWRITE-FORCE-ALL): the app rewrites the config
   * file; throws RedisError with Redis's text ("ERR The server is running without a config file").
   */
  rewriteConfig(forceAll: boolean): void;
  /** Ask the app to shut down; resolves once it has (or rejects with the reason). */
  shutdown(opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean }): Reply | undefined;
}
