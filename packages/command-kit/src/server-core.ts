// The concrete ServerContext: owns the command-kit pieces and leaves the ports
// (pub/sub, shutdown) for the app to plug in.

import type { Clock, Random } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import type { Keyspace } from '@cinnabar/storage';
import { ClientRegistry } from './clients.js';
import { ConfigRegistry } from './config/registry.js';
import { Dispatcher } from './dispatcher.js';
import { LatencyMonitor } from './latency.js';
import { CommandRegistry } from './registry.js';
import type { InfoSection, Log, PubSubPort, ServerContext, ServerInfo } from './server-context.js';
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
  readonly dispatcher: Dispatcher;
  readonly infoSections = new Map<string, InfoSection>();
  readonly onSessionClose: ((c: ClientSession) => void)[] = [];
  readonly monitors = new Set<ClientSession>();
  pubsub: PubSubPort = noPubSub;
  slowlogThresholdUs = 10000;
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
    this.dispatcher = new Dispatcher(this);
    this.config.param<number>('slowlog-log-slower-than').onChange((v) => (this.slowlogThresholdUs = v));
    this.config.param<number>('slowlog-max-len').onChange((v) => this.slowlog.trim(v));
    this.onSessionClose.push((c) => {
      this.watch.unwatchAll(c);
      this.pubsub.dropClient(c);
      this.monitors.delete(c);
      this.clients.remove(c);
    });
  }

  get monitorCount(): number {
    return this.monitors.size;
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
    for (const m of this.monitors) if (m !== c) m.push(reply.simple(line));
  }

  shutdown(opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean }): Reply | undefined {
    return this.shutdownHandler(opts);
  }

  /** Close a session's bookkeeping (the network closes the socket). */
  closeSession(c: ClientSession): void {
    for (const fn of this.onSessionClose) fn(c);
  }
}

/** sdscatrepr: quote non-printables as \n, \r, \t, \a, \b or \xHH. */
export function escapeMonitorArg(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code === 7) out += '\\a';
    else if (code === 8) out += '\\b';
    else if (code < 32 || code > 126) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}
