// Redis 7.0's configuration parameters (as a TLS-enabled redis-server 7.0.15 lists them)
// with their defaults, bounds, aliases and flags. Parameters whose behaviour arrives in
// later subsystems are accepted and reported so tools and config files keep working.

import { ConfigError, type ConfigRegistry, type ParamSpec } from './registry.js';
import { bool, formatMemoryValue, int, memory, oneOf, parseMemoryValue, quoteConfigString, str } from './kinds.js';
import { formatKeyspaceEvents, parseKeyspaceEvents } from './keyspace-events.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
const UINT_MAX = 4294967295;
/** LONG_MAX / LLONG_MAX; 2^63 as a double, printed as 9223372036854775807 in errors. */
const LLONG_MAX = 2 ** 63;
const ULLONG_MAX = 2 ** 64;

const words = (t: string): string[] => t.split(' ').filter(Boolean);

function saveParam(): ParamSpec<string> {
  return {
    name: 'save',
    default: '3600 1 300 100 60 10000',
    parse: (t) => {
      const parts = words(t);
      if (parts.length % 2 !== 0) throw new ConfigError('Invalid save parameters');
      const out = parts.map((p, i) => {
        if (!/^[+-]?\d+$/.test(p)) throw new ConfigError('Invalid save parameters');
        const v = Number(p);
        if ((i % 2 === 0 && v < 1) || (i % 2 === 1 && v < 0)) throw new ConfigError('Invalid save parameters');
        return String(v);
      });
      return out.join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => {
      const parts = words(v);
      if (parts.length === 0) return { lines: [`${n} ""`], force: true };
      const lines: string[] = [];
      for (let i = 0; i < parts.length; i += 2) lines.push(`${n} ${parts[i]} ${parts[i + 1]}`);
      return { lines, force: true };
    },
  };
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'];
const OBUF_DEFAULT = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

function clientOutputBufferLimit(): ParamSpec<string> {
  return {
    name: 'client-output-buffer-limit',
    default: OBUF_DEFAULT,
    parse: (t, current) => {
      const parts = words(t);
      if (parts.length % 4 !== 0) throw new ConfigError('Wrong number of arguments in buffer limit configuration.');
      const limits = obufTable(current);
      for (let i = 0; i < parts.length; i += 4) {
        let cls = (parts[i] as string).toLowerCase();
        if (cls === 'replica') cls = 'slave';
        if (!OBUF_CLASSES.includes(cls)) throw new ConfigError('Invalid client class specified in buffer limit configuration.');
        const hard = parseMemoryValue(parts[i + 1] as string);
        const soft = parseMemoryValue(parts[i + 2] as string);
        const secs = parts[i + 3] as string;
        if (hard === null || soft === null || !/^\d+$/.test(secs)) {
          throw new ConfigError('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
        }
        limits.set(cls, [hard, soft, Number(secs)]);
      }
      return [...limits].map(([k, v]) => `${k} ${v.join(' ')}`).join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => {
      const now = obufTable(v);
      const def = obufTable(OBUF_DEFAULT);
      const lines = [...now].map(([cls, [hard, soft, secs]]) =>
        `${n} ${cls === 'slave' ? 'replica' : cls} ${formatMemoryValue(hard)} ${formatMemoryValue(soft)} ${secs}`);
      return { lines, force: [...now].some(([cls, vals]) => vals.join(' ') !== def.get(cls)?.join(' ')) };
    },
  };
}

function obufTable(text: string): Map<string, [number, number, number]> {
  const parts = words(text);
  const out = new Map<string, [number, number, number]>();
  for (let i = 0; i < parts.length; i += 4) {
    out.set(parts[i] as string, [Number(parts[i + 1]), Number(parts[i + 2]), Number(parts[i + 3])]);
  }
  return out;
}

function oomScoreAdjValues(): ParamSpec<string> {
  return {
    name: 'oom-score-adj-values',
    default: '0 200 800',
    parse: (t) => {
      const parts = words(t);
      if (parts.length !== 3) throw new ConfigError('wrong number of arguments');
      return parts.map((p) => {
        const v = /^[+-]?\d+$/.test(p) ? Number(p) : NaN;
        if (!(v >= -2000 && v <= 2000)) throw new ConfigError('Invalid oom-score-adj-values, elements must be between -2000 and 2000.');
        return String(v);
      }).join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => ({ lines: [`${n} ${v}`], force: v !== '0 200 800' }),
  };
}

function latencyPercentiles(): ParamSpec<string> {
  return {
    name: 'latency-tracking-info-percentiles',
    default: '50 99 99.9',
    parse: (t) => {
      if (t === '') return '';
      return words(t).map((p) => {
        const v = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(p) ? Number(p) : NaN;
        if (Number.isNaN(v)) throw new ConfigError('Invalid latency-tracking-info-percentiles parameters');
        if (v > 100 || v < 0) throw new ConfigError('latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
        return trimDouble(v);
      }).join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => ({ lines: [v === '' ? `${n} ""` : `${n} ${v}`], force: true }),
  };
}

/** "%f" with trailing zeros (and a bare dot) trimmed, as Redis prints percentiles. */
function trimDouble(v: number): string {
  return v.toFixed(6).replace(/\.?0+$/, '');
}

function bindParam(): ParamSpec<string> {
  return {
    name: 'bind',
    default: '* -::*',
    parse: (t) => {
      const parts = words(t);
      if (parts.length > 16) throw new ConfigError('Too many bind addresses specified.');
      return parts.join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => (v === '* -::*' ? null : { lines: [`${n} ${v === '' ? '""' : v}`], force: true }),
  };
}

function replicaOf(): ParamSpec<string> {
  return {
    name: 'replicaof', aliases: ['slaveof'], default: '', immutable: true,
    parse: (t) => {
      const parts = words(t);
      if (parts.length !== 2) throw new ConfigError('wrong number of arguments');
      if (parts[0]?.toLowerCase() === 'no' && parts[1]?.toLowerCase() === 'one') return '';
      if (!/^\d+$/.test(parts[1] as string)) throw new ConfigError('Invalid master port');
      return parts.join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => (v === '' ? null : { lines: [`${n} ${v}`], force: true }),
  };
}

function dirParam(cwd: string): ParamSpec<string> {
  return {
    name: 'dir', default: cwd, protected: true,
    parse: (t) => t,
    format: (v) => v,
    // Redis writes getcwd(), whatever spelling set it.
    rewrite: (_v, n) => ({ lines: [`${n} ${quoteConfigString(process.cwd())}`], force: true }),
  };
}

function keyspaceEvents(): ParamSpec<number> {
  return {
    name: 'notify-keyspace-events', default: 0,
    parse: (t) => {
      try {
        return parseKeyspaceEvents(t);
      } catch {
        throw new ConfigError("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
      }
    },
    format: formatKeyspaceEvents,
    rewrite: (v, n) => ({ lines: [`${n} ${quoteConfigString(formatKeyspaceEvents(v))}`], force: v !== 0 }),
  };
}

const protectedAction = ['no', 'yes', 'local'];

/** Everything but the special parameters, in the order of Redis's table. */
function standardParams(): ParamSpec<unknown>[] {
  const imm = { immutable: true };
  const hidden = { hidden: true };
  return [
    bool('rdbchecksum', true, imm), bool('daemonize', false, imm), bool('io-threads-do-reads', false, imm),
    bool('always-show-logo', false, imm), bool('protected-mode', true), bool('rdbcompression', true),
    bool('rdb-del-sync-files', false), bool('activerehashing', true), bool('stop-writes-on-bgsave-error', true),
    bool('set-proc-title', true, imm), bool('dynamic-hz', true), bool('lazyfree-lazy-eviction', false),
    bool('lazyfree-lazy-expire', false), bool('lazyfree-lazy-server-del', false), bool('lazyfree-lazy-user-del', false),
    bool('lazyfree-lazy-user-flush', false), bool('repl-disable-tcp-nodelay', false), bool('repl-diskless-sync', true),
    bool('aof-rewrite-incremental-fsync', true), bool('no-appendfsync-on-rewrite', false),
    bool('cluster-require-full-coverage', true), bool('rdb-save-incremental-fsync', true), bool('aof-load-truncated', true),
    bool('aof-use-rdb-preamble', true), bool('aof-timestamp-enabled', false),
    bool('cluster-replica-no-failover', false, { aliases: ['cluster-slave-no-failover'] }),
    bool('replica-lazy-flush', false, { aliases: ['slave-lazy-flush'] }),
    bool('replica-serve-stale-data', true, { aliases: ['slave-serve-stale-data'] }),
    bool('replica-read-only', true, { aliases: ['slave-read-only'] }),
    bool('replica-ignore-maxmemory', true, { aliases: ['slave-ignore-maxmemory'] }),
    bool('jemalloc-bg-thread', true), bool('activedefrag', false), bool('syslog-enabled', false, imm),
    bool('cluster-enabled', false, imm), bool('appendonly', false), bool('cluster-allow-reads-when-down', false),
    bool('cluster-allow-pubsubshard-when-down', true), bool('crash-log-enabled', true), bool('crash-memcheck-enabled', true),
    bool('use-exit-on-panic', false, hidden), bool('disable-thp', true, imm), bool('cluster-allow-replica-migration', true),
    bool('replica-announced', true), bool('latency-tracking', true), bool('aof-disable-auto-gc', false),
    bool('replica-ignore-disk-write-errors', false),

    str('aclfile', '', imm), str('unixsocket', '', { ...imm, nullable: true }), str('pidfile', '', { ...imm, nullable: true }),
    str('replica-announce-ip', '', { aliases: ['slave-announce-ip'], nullable: true }),
    str('masteruser', '', { sensitive: true, nullable: true }), str('cluster-announce-ip', '', { nullable: true }),
    str('cluster-config-file', 'nodes.conf', imm), str('cluster-announce-hostname', '', { nullable: true }),
    str('syslog-ident', 'redis', imm), str('dbfilename', 'dump.rdb', { protected: true }),
    str('appendfilename', 'appendonly.aof', imm), str('appenddirname', 'appendonlydir', imm),
    str('server_cpulist', '', { ...imm, nullable: true }), str('bio_cpulist', '', { ...imm, nullable: true }),
    str('aof_rewrite_cpulist', '', { ...imm, nullable: true }), str('bgsave_cpulist', '', { ...imm, nullable: true }),
    str('ignore-warnings', ''), str('proc-title-template', '{title} {listen-addr} {server-mode}'),
    str('bind-source-addr', '', { nullable: true }), str('logfile', '', imm),
    str('masterauth', '', { sensitive: true, nullable: true }), str('requirepass', '', { sensitive: true, nullable: true }),

    oneOf('supervised', ['upstart', 'systemd', 'auto', 'no'], 'no', imm),
    oneOf('syslog-facility', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], 'local0', imm),
    oneOf('repl-diskless-load', ['disabled', 'on-empty-db', 'swapdb'], 'disabled'),
    oneOf('loglevel', ['debug', 'verbose', 'notice', 'warning'], 'notice'),
    oneOf('maxmemory-policy', ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'], 'noeviction'),
    oneOf('appendfsync', ['everysec', 'always', 'no'], 'everysec'),
    oneOf('oom-score-adj', ['no', 'yes', 'relative', 'absolute'], 'no'),
    oneOf('acl-pubsub-default', ['allchannels', 'resetchannels'], 'resetchannels'),
    oneOf('sanitize-dump-payload', ['no', 'yes', 'clients'], 'no'),
    oneOf('enable-protected-configs', protectedAction, 'no', imm),
    oneOf('enable-debug-command', protectedAction, 'no', imm),
    oneOf('enable-module-command', protectedAction, 'no', imm),
    oneOf('cluster-preferred-endpoint-type', ['ip', 'hostname', 'unknown-endpoint'], 'ip'),
    oneOf('propagation-error-behavior', ['ignore', 'panic', 'panic-on-replicas'], 'ignore'),
    shutdownOnSignal('shutdown-on-sigint'), shutdownOnSignal('shutdown-on-sigterm'),

    int('databases', 16, 1, INT_MAX, imm), int('port', 6379, 0, 65535), int('io-threads', 1, 1, 128, imm),
    int('auto-aof-rewrite-percentage', 100, 0, INT_MAX),
    int('cluster-replica-validity-factor', 10, 0, INT_MAX, { aliases: ['cluster-slave-validity-factor'] }),
    int('list-max-listpack-size', -2, INT_MIN, INT_MAX, { aliases: ['list-max-ziplist-size'] }),
    int('tcp-keepalive', 300, 0, INT_MAX), int('cluster-migration-barrier', 1, 0, INT_MAX),
    int('active-defrag-cycle-min', 1, 1, 99), int('active-defrag-cycle-max', 25, 1, 99),
    int('active-defrag-threshold-lower', 10, 0, 1000), int('active-defrag-threshold-upper', 100, 0, 1000),
    int('lfu-log-factor', 10, 0, INT_MAX), int('lfu-decay-time', 1, 0, INT_MAX),
    int('replica-priority', 100, 0, INT_MAX, { aliases: ['slave-priority'] }),
    int('repl-diskless-sync-delay', 5, 0, INT_MAX), int('maxmemory-samples', 5, 1, INT_MAX),
    int('maxmemory-eviction-tenacity', 10, 0, 100), int('timeout', 0, 0, INT_MAX),
    int('replica-announce-port', 0, 0, 65535, { aliases: ['slave-announce-port'] }),
    int('tcp-backlog', 511, 0, INT_MAX, imm), int('cluster-port', 0, 0, 65535, imm),
    int('cluster-announce-bus-port', 0, 0, 65535), int('cluster-announce-port', 0, 0, 65535),
    int('cluster-announce-tls-port', 0, 0, 65535), int('repl-timeout', 60, 1, INT_MAX),
    int('repl-ping-replica-period', 10, 1, INT_MAX, { aliases: ['repl-ping-slave-period'] }),
    int('list-compress-depth', 0, 0, INT_MAX), int('rdb-key-save-delay', 0, INT_MIN, INT_MAX, hidden),
    int('key-load-delay', 0, INT_MIN, INT_MAX, hidden), int('active-expire-effort', 1, 1, 10), int('hz', 10, 0, INT_MAX),
    int('min-replicas-to-write', 0, 0, INT_MAX, { aliases: ['min-slaves-to-write'] }),
    int('min-replicas-max-lag', 10, 0, INT_MAX, { aliases: ['min-slaves-max-lag'] }),
    int('watchdog-period', 0, 0, INT_MAX, hidden), int('shutdown-timeout', 10, 0, INT_MAX),
    int('repl-diskless-sync-max-replicas', 0, 0, INT_MAX),
    int('maxclients', 10000, 1, UINT_MAX), int('unixsocketperm', 0, 0, 0o777, { ...imm, octal: true }),
    int('socket-mark-id', 0, 0, UINT_MAX, imm),
    int('active-defrag-max-scan-fields', 1000, 1, LLONG_MAX), int('slowlog-max-len', 128, 0, LLONG_MAX),
    int('acllog-max-len', 128, 0, LLONG_MAX),
    int('busy-reply-threshold', 5000, 0, LLONG_MAX, { aliases: ['lua-time-limit'] }),
    int('cluster-node-timeout', 15000, 0, LLONG_MAX), int('slowlog-log-slower-than', 10000, -1, LLONG_MAX),
    int('latency-monitor-threshold', 0, 0, LLONG_MAX),
    memory('proto-max-bulk-len', 512 * 1024 * 1024, 1024 * 1024, LLONG_MAX),
    int('stream-node-max-entries', 100, 0, LLONG_MAX), memory('repl-backlog-size', 1024 * 1024, 1, LLONG_MAX),
    memory('maxmemory', 0, 0, ULLONG_MAX), memory('cluster-link-sendbuf-limit', 0, 0, ULLONG_MAX),
    int('hash-max-listpack-entries', 512, 0, LLONG_MAX, { aliases: ['hash-max-ziplist-entries'] }),
    int('set-max-intset-entries', 512, 0, LLONG_MAX),
    int('zset-max-listpack-entries', 128, 0, LLONG_MAX, { aliases: ['zset-max-ziplist-entries'] }),
    memory('active-defrag-ignore-bytes', 100 * 1024 * 1024, 1, LLONG_MAX),
    memory('hash-max-listpack-value', 64, 0, LLONG_MAX, { aliases: ['hash-max-ziplist-value'] }),
    memory('stream-node-max-bytes', 4096, 0, LLONG_MAX),
    memory('zset-max-listpack-value', 64, 0, LLONG_MAX, { aliases: ['zset-max-ziplist-value'] }),
    memory('hll-sparse-max-bytes', 3000, 0, LLONG_MAX), int('tracking-table-max-keys', 1000000, 0, LLONG_MAX),
    memory('client-query-buffer-limit', 1024 * 1024 * 1024, 1024 * 1024, LLONG_MAX),
    memory('maxmemory-clients', 0, -100, LLONG_MAX, { percent: true }),
    int('repl-backlog-ttl', 3600, 0, LLONG_MAX), memory('auto-aof-rewrite-min-size', 64 * 1024 * 1024, 0, LLONG_MAX),
    int('loading-process-events-interval-bytes', 2 * 1024 * 1024, 1024, INT_MAX, hidden),

    int('tls-port', 0, 0, 65535), int('tls-session-cache-size', 20 * 1024, 0, INT_MAX),
    int('tls-session-cache-timeout', 300, 0, INT_MAX), bool('tls-cluster', false), bool('tls-replication', false),
    oneOf('tls-auth-clients', ['no', 'yes', 'optional'], 'yes'), bool('tls-prefer-server-ciphers', false),
    bool('tls-session-caching', true),
    ...['tls-cert-file', 'tls-key-file', 'tls-key-file-pass', 'tls-client-cert-file', 'tls-client-key-file',
      'tls-client-key-file-pass', 'tls-dh-params-file', 'tls-ca-cert-file', 'tls-ca-cert-dir', 'tls-protocols',
      'tls-ciphers', 'tls-ciphersuites'].map((n) => str(n, '', { nullable: true })),
  ] as ParamSpec<unknown>[];
}

function shutdownOnSignal(name: string): ParamSpec<string> {
  const spec = oneOf(name, ['default', 'save', 'nosave', 'now', 'force'], 'default', { multi: true });
  const parse = spec.parse;
  return {
    ...spec,
    parse: (t, cur) => {
      const v = parse(t, cur);
      if (v.includes('nosave') && words(v).includes('save')) {
        throw new ConfigError("shutdown options SAVE and NOSAVE can't be used simultaneously");
      }
      return v;
    },
  };
}

export function defineRedisParams(config: ConfigRegistry, cwd: string): void {
  const specs: ParamSpec<unknown>[] = [
    ...standardParams(),
    dirParam(cwd) as ParamSpec<unknown>,
    saveParam() as ParamSpec<unknown>,
    clientOutputBufferLimit() as ParamSpec<unknown>,
    oomScoreAdjValues() as ParamSpec<unknown>,
    keyspaceEvents() as ParamSpec<unknown>,
    bindParam() as ParamSpec<unknown>,
    replicaOf() as ParamSpec<unknown>,
    latencyPercentiles() as ParamSpec<unknown>,
  ];
  for (const s of specs) config.define(s);
}
