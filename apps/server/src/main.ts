// cinnabar-server: the wiring diagram. Reads redis.conf-style config and flags, builds the
// logger, assembles keyspace + commands, listens, runs the cron, and shuts down on signals.

import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { writeFileSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { CachedClock, REDIS_VERSION, systemRandom } from '@cinnabar/common';
import { TcpServer } from '@cinnabar/network';
import { RdbFormatError, RdbLoader } from '@cinnabar/persistence';
import { reply } from '@cinnabar/resp';
import { applyDirectives, FatalConfigError } from './apply-config.js';
import { assembleServer } from './assemble.js';
import { AofService } from './persistence/aof-service.js';
import { withParallelScavenge } from './persistence/parallel-scavenge.js';
import type { ServerPersistence } from './persistence/persistence-port.js';
import { commandLineConfig, ConfigFileError, loadConfig } from './config-file.js';
import { installConfigRewrite } from './config-rewrite.js';
import { Cron } from './cron.js';
import { createLogger, setLogLevel } from './logger.js';
import { SessionService } from './service.js';


async function main(argv: string[]): Promise<void> {
  if (argv[0] === '-v' || argv[0] === '--version') {
    process.stdout.write(`Redis server v=${REDIS_VERSION} sha=00000000:0 malloc=libc bits=64 build=cinnabar\n`);
    return;
  }

  // 1. Configuration: file, then command-line directives, onto Redis's defaults.
  let directives;
  try {
    directives = loadConfig(argv);
  } catch (e) {
    if (e instanceof ConfigFileError) fatal(e.report());
    throw e;
  }
  const configFile = commandLineConfig(argv).file;
  let configError: FatalConfigError | null = null;
  const startMs = Date.now();
  const info = {
    runId: randomBytes(20).toString('hex'),
    startMs,
    executable: resolve(process.argv[1] ?? 'cinnabar-server'),
    configFile: configFile ? resolve(configFile) : '',
    port: 6379,
    pid: process.pid,
  };

  // 2. The logger comes after the config (logfile, loglevel) but must exist for the core.
  let logger = createLogger('', 'notice');
  const log = {
    debug: (m: string) => logger.debug(m),
    info: (m: string) => logger.info(m),
    warn: (m: string) => logger.warn(m),
    error: (m: string) => logger.error(m),
  };
  const { core, config, persistence } = assembleServer({
    clock: new CachedClock(), random: systemRandom, log, info,
    configure: (cfg) => {
      try {
        applyDirectives(cfg, directives);
      } catch (e) {
        if (e instanceof FatalConfigError) configError = e;
        else throw e;
      }
    },
  });
  if (configError !== null) fatal((configError as FatalConfigError).report());
  logger = createLogger(config.get<string>('logfile'), config.get<string>('loglevel'));
  config.param<string>('loglevel').onChange((lvl) => setLogLevel(logger, lvl));

  // 3. Working directory and pidfile, as redis-server handles them.
  config.param<string>('dir').onChange((dir) => {
    try {
      process.chdir(dir);
    } catch {
      throw new Error(`No such file or directory`);
    }
  });
  config.param<string>('dir').spec.format = () => process.cwd();
  installConfigRewrite(core, config, info.configFile, log);
  info.port = config.get<number>('port');
  logger.info(`Cinnabar (Redis ${REDIS_VERSION} compatible) starting, PID: ${process.pid}, port ${info.port}`);
  const pidfile = config.get<string>('pidfile');
  if (pidfile) writeFileSync(pidfile, `${process.pid}\n`);

  // 4. Network.
  const service = new SessionService(core, logger);
  const tcp = new TcpServer(service);
  core.background = (task) => tcp.afterReplies(task);
  try {
    await tcp.listen({
      port: info.port,
      bind: config.get<string>('bind').split(/\s+/).filter(Boolean),
      backlog: config.get<number>('tcp-backlog'),
      keepAliveSec: () => config.get<number>('tcp-keepalive'),
    });
  } catch (e) {
    logger.warn(`Warning: Could not create server TCP listening socket *:${info.port}: ${(e as Error).message}`);
    logger.error(`Failed listening on port ${info.port} (tcp), aborting.`);
    process.exit(1);
  }
  if (info.port === 0) info.port = tcp.boundPort();
  persistence.rdb.dir = () => process.cwd();
  persistence.rdb.jobs.start();
  const aof = new AofService({
    core,
    rdb: {
      load: (buf) => {
        const loader = new RdbLoader(buf, core.keyspace, persistence.rdb.loadOptions(false, false));
        while (!loader.step(65536));
        return loader.position;
      },
      write: (out) => persistence.rdb.writeSnapshot(out, true),
    },
    otherChildActive: () => persistence.rdb.bgsaveInProgress,
    jobs: persistence.rdb.jobs,
    fatal: () => process.exit(1),
  });
  persistence.aof = aof;
  service.beforeFlush = () => aof.beforeReply();
  const cron = new Cron(core, service, () => {
    persistence.cron();
    aof.cron();
  });
  cron.start();

  // 5. Shutdown: SHUTDOWN, SIGTERM and SIGINT all end here. A final save (when save points
  // exist, or SHUTDOWN SAVE) that fails keeps the server running unless FORCE is given.
  let shuttingDown = false;
  const shutdown = (why: string, opts: { save?: boolean; nosave?: boolean; force?: boolean } = {}): boolean => {
    if (shuttingDown) return true;
    logger.info(why);
    persistence.rdb.killBgsave();
    if (!persistence.shutdownAof()) {
      if (!opts.force) return false;
    }
    if ((persistence.rdb.hasSavePoints() || opts.save === true) && opts.nosave !== true) {
      logger.info('Saving the final RDB snapshot before exiting.');
      try {
        persistence.rdb.saveSync();
      } catch {
        if (!opts.force) {
          logger.warn("Error trying to save the DB, can't exit.");
          return false;
        }
        logger.warn('Error trying to save the DB, exiting anyway.');
      }
    }
    shuttingDown = true;
    cron.stop();
    persistence.rdb.jobs.stop();
    if (pidfile) {
      logger.info('Removing the pid file.');
      try {
        unlinkSync(pidfile);
      } catch {
        /* already gone */
      }
    }
    logger.info('Redis is now ready to exit, bye bye...');
    void tcp.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
    return true;
  };
  core.shutdownHandler = (opts) => {
    if (shutdown('User requested shutdown...', opts)) return undefined;
    return reply.error('ERR Errors trying to SHUTDOWN. Check logs.');
  };
  const onSignal = (name: string): void => {
    logger.info(`Received ${name} scheduling shutdown...`);
    if (!shutdown('User requested shutdown...')) {
      logger.warn(`${name} received but errors trying to shut down the server, check the logs for more information`);
    }
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  // 6. The dataset: the AOF when enabled (it wins), else the RDB file, loaded while clients
  // already connect and get -LOADING. The GC has helper threads meanwhile (parallel-scavenge.ts).
  await withParallelScavenge(() => loadDataset(persistence, logger));
  logger.info(`Server initialized`);
  logger.info('Ready to accept connections');
}

async function loadDataset(persistence: ServerPersistence, logger: { info(m: string): void; warn(m: string): void }): Promise<void> {
  const start = performance.now();
  try {
    if (await persistence.loadAofAtStartup()) return;
    const loaded = await persistence.loadRdbAtStartup();
    if (loaded) logger.info(`DB loaded from disk: ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
  } catch (e) {
    if (e instanceof RdbFormatError) {
      logger.warn(e.message);
      logger.warn(`Internal error in RDB reading offset ${e.offset ?? 0}, function at rdb.c:0 -> ${e.message}`);
      logger.warn('Terminating server after rdb file reading failure.');
    } else {
      logger.warn(`Fatal error loading the DB: ${(e as Error).message}. Exiting.`);
    }
    process.exit(1);
  }
}

function fatal(text: string): never {
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`fatal: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
