// Everything of a server but its sockets, files and timers: the keyspace, the command
// core with every command, pub/sub, notifications and WATCH hooked to storage's events.
// main.ts adds the I/O; the test harness uses this as it is.

import { allCommands, KeyspaceNotifier, PubSubHub } from '@cinnabar/commands';
import { ConfigRegistry, defineRedisParams, type Log, ServerCore, type ServerInfo } from '@cinnabar/command-kit';
import type { Clock, Random } from '@cinnabar/common';
import { Keyspace, type KeyspaceObserver } from '@cinnabar/storage';

export interface AssembleOptions {
  clock: Clock;
  random: Random;
  log: Log;
  info: ServerInfo;
  /** Applied to the registry before the keyspace exists (databases, …). */
  configure?: (config: ConfigRegistry) => void;
  cwd?: string;
}

export interface Assembled {
  core: ServerCore;
  keyspace: Keyspace;
  pubsub: PubSubHub;
  config: ConfigRegistry;
}

export function assembleServer(opts: AssembleOptions): Assembled {
  const config = new ConfigRegistry();
  defineRedisParams(config, opts.cwd ?? process.cwd());
  opts.configure?.(config);

  const keyspace = new Keyspace({ databases: config.get<number>('databases'), clock: opts.clock, random: opts.random });
  const core = new ServerCore({ keyspace, clock: opts.clock, random: opts.random, config, log: opts.log, info: opts.info });
  core.commands.addAll(allCommands);

  const pubsub = new PubSubHub();
  core.pubsub = pubsub;
  const notifier = new KeyspaceNotifier(pubsub);
  config.param<number>('notify-keyspace-events').onChange((v) => (notifier.flags = v));

  const watch = core.watch;
  const observer: KeyspaceObserver = {
    keyModified: (db, key) => watch.keyModified(db, key),
    keyExpired: (db, key) => watch.keyExpired(db, key),
    event: (cls, event, key, db) => notifier.event(cls, event, key, db),
    dbFlushing: (db) => watch.dbFlushing(db),
    dbSwapped: (a, b) => watch.dbSwapped(a, b),
  };
  keyspace.observer = observer;
  return { core, keyspace, pubsub, config };
}
