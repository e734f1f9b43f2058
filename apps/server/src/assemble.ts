// Everything of a server but its sockets, files and timers: the keyspace, the command
// core with every command, pub/sub, notifications and WATCH hooked to storage's events.
// main.ts adds the I/O; the test harness uses this as it is.

import { allCommands, KeyspaceNotifier, PubSubHub } from '@cinnabar/commands';
import { evalCommands, installFunctions } from '@cinnabar/scripting';
import { ConfigRegistry, defineRedisParams, type Log, ServerCore, type ServerInfo } from '@cinnabar/command-kit';
import type { Clock, Random } from '@cinnabar/common';
import { RdbService } from './persistence/rdb-service.js';
import { ServerPersistence } from './persistence/persistence-port.js';
import { ENCODING_LIMIT_PARAMS, Keyspace, type KeyspaceObserver } from '@cinnabar/storage';

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
  persistence: ServerPersistence;
  keyspace: Keyspace;
  pubsub: PubSubHub;
  config: ConfigRegistry;
}

export function assembleServer(opts: AssembleOptions): Assembled {
  const config = new ConfigRegistry();
  defineRedisParams(config, opts.cwd ?? process.cwd());
  opts.configure?.(config);

  const keyspace = new Keyspace({ databases: config.get<number>('databases'), clock: opts.clock, random: opts.random });
  for (const [param, field] of ENCODING_LIMIT_PARAMS) {
    config.param<number>(param).onChange((v) => (keyspace.limits[field] = v));
  }
  // Access tracking follows maxmemory-policy: LFU counters under *-lfu, the LRU clock otherwise.
  const applyLfu = (): void => {
    const lfu = config.get<string>('maxmemory-policy').endsWith('-lfu');
    keyspace.setLfu(lfu ? { logFactor: config.get<number>('lfu-log-factor'), decayTime: config.get<number>('lfu-decay-time') } : null);
  };
  for (const p of ['maxmemory-policy', 'lfu-log-factor', 'lfu-decay-time']) config.param(p).onChange(applyLfu);

  const core = new ServerCore({ keyspace, clock: opts.clock, random: opts.random, config, log: opts.log, info: opts.info });
  core.commands.addAll(allCommands);
  core.commands.addAll(evalCommands);
  installFunctions(core);
  keyspace.expiryHeld = () => core.clients.checkPauseTimeout(opts.clock.nowMs());

  const pubsub = new PubSubHub();
  core.pubsub = pubsub;
  const notifier = new KeyspaceNotifier(pubsub);
  config.param<number>('notify-keyspace-events').onChange((v) => (notifier.flags = v));

  const watch = core.watch;
  const observer: KeyspaceObserver = {
    keyModified: (db, key) => {
      watch.keyModified(db, key);
      core.blocking.keyModified(db, key);
    },
    keyExpired: (db, key) => {
      watch.keyExpired(db, key);
      if (core.propagation.enabled) core.propagation.also(db, [config.get<boolean>('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
    },
    keyEvicted: (db, key) => {
      if (core.propagation.enabled) core.propagation.now(db, [config.get<boolean>('lazyfree-lazy-eviction') ? 'UNLINK' : 'DEL', key]);
    },
    event: (cls, event, key, db) => notifier.event(cls, event, key, db),
    dbFlushing: (db) => {
      watch.dbFlushing(db);
      core.blocking.dbChanged([db]);
    },
    dbSwapped: (a, b) => {
      watch.dbSwapped(a, b);
      core.blocking.dbChanged([a, b]);
    },
  };
  keyspace.observer = observer;
  const persistence = new ServerPersistence(core, new RdbService(core));
  core.persistence = persistence;
  return { core, keyspace, pubsub, config, persistence };
}
