// The concrete ServerContext: owns the command-kit pieces and leaves the ports
// (pub/sub, shutdown) for the app to plug in.

import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { type Clock, escapeRepr, type Random, RedisError } from '@cinnabar/common';
import { isErrorReply, type Reply, reply } from '@cinnabar/resp';
import type { Keyspace } from '@cinnabar/storage';
import { BlockingRegistry } from './blocking.js';
import { ClientRegistry } from './clients.js';
import { performEvictions } from './eviction.js';
import { ConfigRegistry } from './config/registry.js';
import { Dispatcher } from './dispatcher.js';
import { LatencyMonitor } from './latency.js';
import { Propagation } from './propagation.js';
import { noPersistence, type PersistencePort } from './persistence-port.js';
import { CommandRegistry } from './registry.js';
import type { FunctionsPort, InfoSection, Log, PubSubPort, ReplicationIds, ServerContext, ServerInfo } from './server-context.js';
import type { ClientSession } from './session.js';
import { Slowlog } from './slowlog.js';
import { ServerStats } from './stats.js';
import { WatchRegistry } from './watch.js';

export interface ServerCoreOptions {
  keyspace: Keyspace;
  clock: Clock;
  random: Random;
  config: ConfigRegistry;
  log: Log;
  info: ServerInfo;
}

const noPubSub: PubSubPort = {
  subscribe: () => false, unsubscribe: () => false, psubscribe: () => false, punsubscribe: () => false,
  ssubscribe: () => false, sunsubscribe: () => false, publish: () => 0, spublish: () => 0,
  dropClient: () => undefined, channels: () => [], numsub: () => 0, numpat: () => 0,
};

export class ServerCore implements ServerContext {
  readonly keyspace: Keyspace;
  readonly clock: Clock;
  readonly random: Random;
  readonly config: ConfigRegistry;
  readonly log: Log;
  readonly info: ServerInfo;
  readonly commands = new CommandRegistry();
  readonly clients = new ClientRegistry();
  readonly stats = new ServerStats();
  readonly slowlog = new Slowlog();
  readonly latency = new LatencyMonitor();
  readonly watch: WatchRegistry;
  readonly blocking = new BlockingRegistry();
  readonly dispatcher: Dispatcher;
  readonly propagation = new Propagation();
  readonly infoSections = new Map<string, InfoSection>();
  readonly onSessionClose: ((c: ClientSession) => void)[] = [];
  readonly monitors = new Set<ClientSession>();
  pubsub: PubSubPort = noPubSub;
  persistence: PersistencePort = noPersistence;
  scriptDenyDisabled = false;
  functions: FunctionsPort = { libraries: () => [], restoreLibrary: () => { throw new Error('functions are not available'); }, clear: () => {} };
  slowlogThresholdUs = 10000;
  latencyTracking = true;
  maxmemoryBytes = 0;
  private usedMemorySample = 0;
  private usedMemoryAt = -Infinity;
  latencyThresholdMs = 0;
  readonly replication: ReplicationIds;
  /** Set by the app when it runs from a config file: performs CONFIG REWRITE. */
  configRewriter: ((forceAll: boolean) => void) | null = null;
  /**
   * Schedules the next slice of background work (BGSAVE, AOF rewrite, loading) for the next
   * event-loop turn; the app with sockets runs it after that turn's replies are written.
   */
  background: (task: () => void) => void = (task) => setImmediate(task);
  /** Set by the app: performs SHUTDOWN. */
  shutdownHandler: (opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean }) => Reply | undefined =
    () => reply.error('ERR shutdown is not available');

  constructor(opts: ServerCoreOptions) {
    this.keyspace = opts.keyspace;
    this.clock = opts.clock;
    this.random = opts.random;
    this.config = opts.config;
    this.log = opts.log;
    this.info = opts.info;
    this.watch = new WatchRegistry(opts.keyspace);
    this.replication = { replid: this.randomHex40(), replid2: '0'.repeat(40), offset: 0, secondOffset: -1 };
    this.dispatcher = new Dispatcher(this);
    this.blocking.nowMs = () => this.clock.nowMs();
    this.blocking.onServed = (c, r) => {
      if (r === null || typeof r !== 'object' || !isErrorReply(r)) return;
      this.stats.command(c.lastCommand).failedCalls++;
      const space = r.text.indexOf(' ');
      this.stats.error(space < 0 ? r.text : r.text.slice(0, space));
    };
    this.blocking.runRetry = (c, argv, retry) => {
      const dirtyBefore = this.keyspace.stats.dirty;
      this.propagation.enter();
      try {
        return retry();
      } finally {
        this.propagation.leave(c.db.id, argv, this.keyspace.stats.dirty !== dirtyBefore);
      }
    };
    this.config.param<number>('slowlog-log-slower-than').onChange((v) => (this.slowlogThresholdUs = v));
    this.config.param<number>('slowlog-max-len').onChange((v) => this.slowlog.trim(v));
    this.config.param<boolean>('latency-tracking').onChange((v) => (this.latencyTracking = v));
    // Lowering maxmemory evicts at once, as Redis does on CONFIG SET.
    this.config.param<number>('maxmemory').onChange((v) => {
      this.maxmemoryBytes = v;
      if (v > 0) {
        this.usedMemoryAt = -Infinity;
        performEvictions(this);
      }
    });
    this.config.param<number>('latency-monitor-threshold').onChange((v) => (this.latencyThresholdMs = v));
    this.onSessionClose.push((c) => {
      this.watch.unwatchAll(c);
      this.blocking.drop(c);
      this.pubsub.dropClient(c);
      this.monitors.delete(c);
      this.clients.remove(c);
    });
  }

  get monitorCount(): number {
    return this.monitors.size;
  }

  usedMemoryBytes(): number {
    const now = performance.now();
    if (now - this.usedMemoryAt > 10) {
      const m = process.memoryUsage();
      this.usedMemorySample = m.heapUsed + m.external;
      this.usedMemoryAt = now;
    }
    return this.usedMemorySample;
  }

  requiresAuth(): boolean {
    return this.config.get<string>('requirepass') !== '';
  }

  feedMonitors(c: ClientSession, argv: readonly string[]): void {
    const now = this.clock.nowUs();
    const sec = Math.floor(now / 1e6);
    const usec = String(now % 1e6).padStart(6, '0');
    const args = argv.map((a) => `"${escapeMonitorArg(a)}"`).join(' ');
    const line = `${sec}.${usec} [${c.db.id} ${c.link.remoteAddress}] ${args}`;
    for (const m of this.monitors) m.push(reply.simple(line));
  }

  changeReplicationId(): void {
    this.replication.replid = this.randomHex40();
    this.replication.replid2 = '0'.repeat(40);
    this.replication.secondOffset = -1;
  }

  rewriteConfig(forceAll: boolean): void {
    if (this.configRewriter === null) throw new RedisError('ERR The server is running without a config file');
    this.configRewriter(forceAll);
  }

  /** Replication ids come from the OS, so they never shift the seeded Random's sequence. */
  private randomHex40(): string {
    return randomBytes(20).toString('hex');
  }

  shutdown(opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean }): Reply | undefined {
    return this.shutdownHandler(opts);
  }

  /** Close a session's bookkeeping (the network closes the socket). */
  closeSession(c: ClientSession): void {
    for (const fn of this.onSessionClose) fn(c);
  }
}

/** sdscatrepr's escaping (without the quotes), as MONITOR prints arguments. */
export const escapeMonitorArg = escapeRepr;
