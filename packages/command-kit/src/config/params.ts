// Redis 7.0's configuration parameters with their defaults, types and bounds. Parameters
// whose behaviour arrives in later subsystems are accepted and reported so that tools and
// config files written for Redis keep working.

import { ConfigError, type ConfigRegistry, bool, int, memory, oneOf, str, type ParamSpec } from './registry.js';
import { formatKeyspaceEvents, parseKeyspaceEvents } from './keyspace-events.js';

const INT_MAX = 2147483647;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

function saveParam(): ParamSpec<string> {
  return {
    name: 'save',
    default: '3600 1 300 100 60 10000',
    parse: (t) => {
      const parts = t.split(/\s+/).filter(Boolean);
      if (parts.length % 2 !== 0 || parts.some((p) => !/^\d+$/.test(p))) throw new ConfigError('Invalid save parameters');
      return parts.join(' ');
    },
    format: (v) => v,
  };
}

const OBUF_DEFAULT = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

function clientOutputBufferLimit(): ParamSpec<string> {
  return {
    name: 'client-output-buffer-limit',
    default: OBUF_DEFAULT,
    parse: (t) => {
      const parts = t.split(/\s+/).filter(Boolean);
      if (parts.length % 4 !== 0) throw new ConfigError('Wrong number of arguments in buffer limit configuration.');
      const current = new Map<string, string[]>();
      for (let i = 0; i < OBUF_DEFAULT.split(' ').length; i += 4) {
        const d = OBUF_DEFAULT.split(' ');
        current.set(d[i] as string, d.slice(i + 1, i + 4));
      }
      for (let i = 0; i < parts.length; i += 4) {
        let cls = (parts[i] as string).toLowerCase();
        if (cls === 'replica') cls = 'slave';
        if (!current.has(cls)) throw new ConfigError('Invalid client class specified in buffer limit configuration.');
        const vals = parts.slice(i + 1, i + 4).map((v) => {
          const n = /^\d+[a-z]*$/i.test(v) ? v : null;
          if (n === null) throw new ConfigError('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
          return v;
        });
        current.set(cls, vals);
      }
      return [...current].map(([k, v]) => `${k} ${v.join(' ')}`).join(' ');
    },
    format: (v) => v,
  };
}

export function defineRedisParams(config: ConfigRegistry, cwd: string): void {
  const yesNoLocal = ['no', 'yes', 'local'];
  const specs: ParamSpec<unknown>[] = [
    int('port', 6379, 0, 65535),
    str('bind', '* -::*'),
    bool('protected-mode', true),
    str('requirepass', ''),
    int('databases', 16, 1, INT_MAX, { immutable: true }),
    int('hz', 10, 0, INT_MAX),
    bool('dynamic-hz', true),
    int('maxclients', 10000, 1, INT_MAX),
    int('timeout', 0, 0, INT_MAX),
    int('tcp-keepalive', 300, 0, INT_MAX),
    int('tcp-backlog', 511, 0, INT_MAX, { immutable: true }),
    oneOf('loglevel', ['debug', 'verbose', 'notice', 'warning', 'nothing'], 'notice'),
    str('logfile', '', { immutable: true }),
    str('dir', cwd),
    str('pidfile', '', { immutable: true }),
    oneOf('enable-debug-command', yesNoLocal, 'no', { immutable: true }),
    oneOf('enable-protected-configs', yesNoLocal, 'no', { immutable: true }),
    oneOf('enable-module-command', yesNoLocal, 'no', { immutable: true }),
    bool('daemonize', false, { immutable: true }),
    oneOf('supervised', ['upstart', 'systemd', 'auto', 'no'], 'no', { immutable: true }),
    memory('proto-max-bulk-len', 512 * 1024 * 1024, 1024 * 1024, LONG_MAX),
    memory('client-query-buffer-limit', 1024 * 1024 * 1024, 1024 * 1024, LONG_MAX),
    {
      name: 'notify-keyspace-events', default: 0,
      parse: parseKeyspaceEvents, format: formatKeyspaceEvents,
    } as ParamSpec<number>,
    int('slowlog-log-slower-than', 10000, -1, LONG_MAX),
    int('slowlog-max-len', 128, 0, LONG_MAX),
    int('latency-monitor-threshold', 0, 0, LONG_MAX),
    bool('latency-tracking', true),
    str('latency-tracking-info-percentiles', '50 99 99.9'),
    memory('maxmemory', 0, 0, LONG_MAX),
    oneOf('maxmemory-policy', ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'], 'noeviction'),
    int('maxmemory-samples', 5, 1, 64),
    int('maxmemory-eviction-tenacity', 10, 0, 100),
    bool('lazyfree-lazy-eviction', false),
    bool('lazyfree-lazy-expire', false),
    bool('lazyfree-lazy-server-del', false),
    bool('lazyfree-lazy-user-del', false),
    bool('lazyfree-lazy-user-flush', false),
    bool('replica-lazy-flush', false, { aliases: ['slave-lazy-flush'] }),
    saveParam() as ParamSpec<unknown>,
    str('dbfilename', 'dump.rdb'),
    bool('rdbcompression', true),
    bool('rdbchecksum', true),
    bool('rdb-del-sync-files', false),
    bool('stop-writes-on-bgsave-error', true),
    bool('appendonly', false),
    str('appendfilename', 'appendonly.aof', { immutable: true }),
    str('appenddirname', 'appendonlydir', { immutable: true }),
    oneOf('appendfsync', ['always', 'everysec', 'no'], 'everysec'),
    bool('no-appendfsync-on-rewrite', false),
    int('auto-aof-rewrite-percentage', 100, 0, INT_MAX),
    memory('auto-aof-rewrite-min-size', 64 * 1024 * 1024, 0, LONG_MAX),
    bool('aof-load-truncated', true),
    bool('aof-use-rdb-preamble', true),
    bool('aof-timestamp-enabled', false),
    bool('aof-rewrite-incremental-fsync', true),
    bool('rdb-save-incremental-fsync', true),
    int('hash-max-listpack-entries', 128, 0, LONG_MAX, { aliases: ['hash-max-ziplist-entries'] }),
    int('hash-max-listpack-value', 64, 0, LONG_MAX, { aliases: ['hash-max-ziplist-value'] }),
    int('list-max-listpack-size', -2, -5, INT_MAX, { aliases: ['list-max-ziplist-size'] }),
    int('list-compress-depth', 0, 0, INT_MAX),
    int('set-max-intset-entries', 512, 0, LONG_MAX),
    int('zset-max-listpack-entries', 128, 0, LONG_MAX, { aliases: ['zset-max-ziplist-entries'] }),
    int('zset-max-listpack-value', 64, 0, LONG_MAX, { aliases: ['zset-max-ziplist-value'] }),
    memory('stream-node-max-bytes', 4096, 0, LONG_MAX),
    int('stream-node-max-entries', 100, 0, LONG_MAX),
    memory('hll-sparse-max-bytes', 3000, 0, LONG_MAX),
    int('active-expire-effort', 1, 1, 10),
    bool('activerehashing', true),
    bool('activedefrag', false),
    int('lfu-log-factor', 10, 0, INT_MAX),
    int('lfu-decay-time', 1, 0, INT_MAX),
    clientOutputBufferLimit() as ParamSpec<unknown>,
    bool('replica-read-only', true, { aliases: ['slave-read-only'] }),
    bool('replica-serve-stale-data', true, { aliases: ['slave-serve-stale-data'] }),
    int('replica-priority', 100, 0, INT_MAX, { aliases: ['slave-priority'] }),
    str('masterauth', ''),
    str('masteruser', ''),
    memory('repl-backlog-size', 1024 * 1024, 1, LONG_MAX),
    int('repl-backlog-ttl', 3600, 0, INT_MAX),
    int('repl-timeout', 60, 1, INT_MAX),
    int('repl-ping-replica-period', 10, 1, INT_MAX, { aliases: ['repl-ping-slave-period'] }),
    bool('repl-diskless-sync', true),
    int('repl-diskless-sync-delay', 5, 0, INT_MAX),
    int('repl-diskless-sync-max-replicas', 0, 0, INT_MAX),
    oneOf('repl-diskless-load', ['disabled', 'on-empty-db', 'swapdb'], 'disabled'),
    bool('repl-disable-tcp-nodelay', false),
    int('min-replicas-to-write', 0, 0, INT_MAX, { aliases: ['min-slaves-to-write'] }),
    int('min-replicas-max-lag', 10, 0, INT_MAX, { aliases: ['min-slaves-max-lag'] }),
    bool('replica-ignore-maxmemory', true, { aliases: ['slave-ignore-maxmemory'] }),
    str('replica-announce-ip', '', { aliases: ['slave-announce-ip'] }),
    int('replica-announce-port', 0, 0, 65535, { aliases: ['slave-announce-port'] }),
    bool('replica-announced', true),
    bool('cluster-enabled', false, { immutable: true }),
    str('cluster-config-file', 'nodes.conf', { immutable: true }),
    int('cluster-node-timeout', 15000, 0, LONG_MAX),
    int('cluster-port', 0, 0, 65535, { immutable: true }),
    bool('cluster-require-full-coverage', true),
    int('cluster-migration-barrier', 1, 0, INT_MAX),
    bool('cluster-allow-reads-when-down', false),
    int('lua-time-limit', 5000, 0, LONG_MAX, { aliases: ['busy-reply-threshold'] }),
    oneOf('sanitize-dump-payload', ['no', 'yes', 'clients'], 'no'),
    bool('set-proc-title', true, { immutable: true }),
    str('proc-title-template', '{title} {listen-addr} {server-mode}'),
    int('acllog-max-len', 128, 0, LONG_MAX),
    str('aclfile', '', { immutable: true }),
    oneOf('acl-pubsub-default', ['allchannels', 'resetchannels'], 'resetchannels'),
    int('io-threads', 1, 1, 128, { immutable: true }),
    bool('io-threads-do-reads', false, { immutable: true }),
    bool('always-show-logo', false, { immutable: true }),
    bool('syslog-enabled', false, { immutable: true }),
    str('syslog-ident', 'redis', { immutable: true }),
    str('unixsocket', '', { immutable: true }),
    int('unixsocketperm', 0, 0, 511, { immutable: true }),
    int('tls-port', 0, 0, 65535),
    bool('jemalloc-bg-thread', true),
    bool('crash-log-enabled', true),
    bool('crash-memcheck-enabled', true),
    memory('tracking-table-max-keys', 1000000, 0, LONG_MAX),
    int('shutdown-timeout', 10, 0, INT_MAX),
    str('shutdown-on-sigint', 'default'),
    str('shutdown-on-sigterm', 'default'),
    oneOf('propagation-error-behavior', ['ignore', 'panic', 'panic-on-replicas'], 'ignore'),
    oneOf('oom-score-adj', ['no', 'yes', 'relative', 'absolute'], 'no'),
    str('oom-score-adj-values', '0 200 800'),
    int('key-load-delay', 0, -INT_MAX, INT_MAX, { hidden: true }),
    int('rdb-key-save-delay', 0, -INT_MAX, INT_MAX, { hidden: true }),
    bool('lazyfree-lazy-user-flush', false),
  ] as ParamSpec<unknown>[];
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    config.define(s);
  }
}
