// INFO's built-in sections with Redis 7.0's field names and order. Figures Cinnabar does
// not have yet (forks, COW, allocator internals) report what an idle Redis reports.

import { machine, release, type } from 'node:os';
import type { ServerContext } from '@cinnabar/command-kit';
import { REDIS_VERSION } from '@cinnabar/common';
import { migrateLinks } from '../keys/migrate.js';
import { bytesToHuman, memoryFigures } from './memory-figures.js';

export type Fields = [string, string | number][];

const VERSION = REDIS_VERSION;

function server(s: ServerContext): Fields {
  const nowUs = s.clock.nowUs();
  const uptime = Math.floor((s.clock.nowMs() - s.info.startMs) / 1000);
  const hz = s.config.get<number>('hz');
  return [
    ['redis_version', VERSION], ['redis_git_sha1', '00000000'], ['redis_git_dirty', 0],
    ['redis_build_id', 'cinnabar'], ['redis_mode', s.config.get<boolean>('cluster-enabled') ? 'cluster' : 'standalone'],
    ['os', `${type()} ${release()} ${machine()}`], ['arch_bits', 64], ['monotonic_clock', 'POSIX clock_gettime'],
    ['multiplexing_api', 'epoll'], ['atomicvar_api', 'c11-builtin'], ['gcc_version', '0.0.0'],
    ['process_id', s.info.pid], ['process_supervised', 'no'], ['run_id', s.info.runId], ['tcp_port', s.info.port],
    ['server_time_usec', nowUs], ['uptime_in_seconds', uptime], ['uptime_in_days', Math.floor(uptime / 86400)],
    ['hz', hz], ['configured_hz', hz], ['lru_clock', s.keyspace.lruClock], ['executable', s.info.executable],
    ['config_file', s.info.configFile], ['io_threads_active', 0],
  ];
}

function clients(s: ServerContext): Fields {
  let maxIn = 0;
  let maxOut = 0;
  for (const c of s.clients.all()) {
    maxIn = Math.max(maxIn, c.link.queryBufferBytes());
    maxOut = Math.max(maxOut, c.link.outputBufferBytes());
  }
  return [
    ['connected_clients', s.clients.size], ['cluster_connections', 0], ['maxclients', s.config.get<number>('maxclients')],
    ['client_recent_max_input_buffer', maxIn], ['client_recent_max_output_buffer', maxOut], ['blocked_clients', s.clients.postponedCount + s.blocking.count],
    ['tracking_clients', 0], ['clients_in_timeout_table', 0],
  ];
}

function ratio(a: number, b: number): string {
  return b === 0 ? '0.00' : (a / b).toFixed(2);
}

function memory(s: ServerContext): Fields {
  const m = memoryFigures(s);
  const maxmemory = s.config.get<number>('maxmemory');
  const overhead = m.startup;
  const dataset = Math.max(0, m.used - overhead);
  const netUsed = m.used - m.startup;
  return [
    ['used_memory', m.used], ['used_memory_human', bytesToHuman(m.used)], ['used_memory_rss', m.rss],
    ['used_memory_rss_human', bytesToHuman(m.rss)], ['used_memory_peak', m.peak], ['used_memory_peak_human', bytesToHuman(m.peak)],
    ['used_memory_peak_perc', `${((m.used * 100) / m.peak).toFixed(2)}%`], ['used_memory_overhead', overhead],
    ['used_memory_startup', m.startup], ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', `${netUsed > 0 ? ((dataset * 100) / netUsed).toFixed(2) : '0.00'}%`],
    ['allocator_allocated', m.used], ['allocator_active', m.heapTotal], ['allocator_resident', m.rss],
    ['total_system_memory', m.total], ['total_system_memory_human', bytesToHuman(m.total)],
    ['used_memory_lua', 32768], ['used_memory_vm_eval', 32768], ['used_memory_lua_human', '32.00K'],
    ['used_memory_scripts_eval', 0], ['number_of_cached_scripts', 0], ['number_of_functions', 0], ['number_of_libraries', 0],
    ['used_memory_vm_functions', 32768], ['used_memory_vm_total', 65536], ['used_memory_vm_total_human', '64.00K'],
    ['used_memory_functions', 0], ['used_memory_scripts', 0], ['used_memory_scripts_human', '0B'],
    ['maxmemory', maxmemory], ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', s.config.get<string>('maxmemory-policy')],
    ['allocator_frag_ratio', ratio(m.heapTotal, m.used)], ['allocator_frag_bytes', m.heapTotal - m.used],
    ['allocator_rss_ratio', ratio(m.rss, m.heapTotal)], ['allocator_rss_bytes', m.rss - m.heapTotal],
    ['rss_overhead_ratio', '1.00'], ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', ratio(m.rss, m.used)], ['mem_fragmentation_bytes', m.rss - m.used],
    ['mem_not_counted_for_evict', 0], ['mem_replication_backlog', 0], ['mem_total_replication_buffers', 0],
    ['mem_clients_slaves', 0], ['mem_clients_normal', 0], ['mem_cluster_links', 0], ['mem_aof_buffer', 0],
    ['mem_allocator', 'libc'], ['active_defrag_running', 0], ['lazyfree_pending_objects', 0], ['lazyfreed_objects', 0],
  ];
}

function persistence(s: ServerContext): Fields {
  const fields = s.persistence.infoFields();
  if (fields.length > 0) return fields;
  return [
    ['loading', 0], ['async_loading', 0], ['current_cow_peak', 0], ['current_cow_size', 0], ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'], ['current_save_keys_processed', 0], ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', s.keyspace.stats.dirty], ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', Math.floor(s.info.startMs / 1000)], ['rdb_last_bgsave_status', 'ok'],
    ['rdb_last_bgsave_time_sec', -1], ['rdb_current_bgsave_time_sec', -1], ['rdb_saves', 0], ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', 0], ['rdb_last_load_keys_loaded', 0],
    ['aof_enabled', s.config.get<boolean>('appendonly') ? 1 : 0], ['aof_rewrite_in_progress', 0], ['aof_rewrite_scheduled', 0],
    ['aof_last_rewrite_time_sec', -1], ['aof_current_rewrite_time_sec', -1], ['aof_last_bgrewrite_status', 'ok'],
    ['aof_rewrites', 0], ['aof_rewrites_consecutive_failures', 0], ['aof_last_write_status', 'ok'], ['aof_last_cow_size', 0],
    ['module_fork_in_progress', 0], ['module_fork_last_cow_size', 0],
  ];
}

function stats(s: ServerContext): Fields {
  const st = s.stats;
  const ks = s.keyspace.stats;
  return [
    ['total_connections_received', st.totalConnections], ['total_commands_processed', st.totalCommands],
    ['instantaneous_ops_per_sec', st.opsPerSec()], ['total_net_input_bytes', st.netInputBytes],
    ['total_net_output_bytes', st.netOutputBytes], ['total_net_repl_input_bytes', 0], ['total_net_repl_output_bytes', 0],
    ['instantaneous_input_kbps', '0.00'], ['instantaneous_output_kbps', '0.00'], ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'], ['rejected_connections', st.rejectedConnections], ['sync_full', 0],
    ['sync_partial_ok', 0], ['sync_partial_err', 0], ['expired_keys', ks.expiredKeys],
    ['expired_stale_perc', ks.expiredStalePerc.toFixed(2)], ['expired_time_cap_reached_count', ks.expiredTimeCapReachedCount],
    ['expire_cycle_cpu_milliseconds', 0], ['evicted_keys', ks.evictedKeys], ['evicted_clients', 0],
    ['total_eviction_exceeded_time', 0], ['current_eviction_exceeded_time', 0], ['keyspace_hits', ks.keyspaceHits],
    ['keyspace_misses', ks.keyspaceMisses], ['pubsub_channels', s.pubsub.channels(null, false).length],
    ['pubsub_patterns', s.pubsub.numpat()], ['pubsubshard_channels', s.pubsub.channels(null, true).length],
    ['latest_fork_usec', 0], ['total_forks', s.persistence.totalForks], ['migrate_cached_sockets', migrateLinks(s).size], ['slave_expires_tracked_keys', 0],
    ['active_defrag_hits', 0], ['active_defrag_misses', 0], ['active_defrag_key_hits', 0], ['active_defrag_key_misses', 0],
    ['total_active_defrag_time', 0], ['current_active_defrag_time', 0], ['tracking_total_keys', 0],
    ['tracking_total_items', 0], ['tracking_total_prefixes', 0], ['unexpected_error_replies', st.unexpectedErrorReplies],
    ['total_error_replies', st.totalErrorReplies], ['dump_payload_sanitizations', 0], ['total_reads_processed', 0],
    ['total_writes_processed', 0], ['io_threaded_reads_processed', 0], ['io_threaded_writes_processed', 0],
    ['reply_buffer_shrinks', 0], ['reply_buffer_expands', 0],
  ];
}

function replication(s: ServerContext): Fields {
  const r = s.replication;
  return [
    ['role', 'master'], ['connected_slaves', 0], ['master_failover_state', 'no-failover'], ['master_replid', r.replid],
    ['master_replid2', r.replid2], ['master_repl_offset', r.offset], ['second_repl_offset', r.secondOffset],
    ['repl_backlog_active', 0], ['repl_backlog_size', s.config.get<number>('repl-backlog-size')],
    ['repl_backlog_first_byte_offset', 0], ['repl_backlog_histlen', 0],
  ];
}

function cpu(): Fields {
  const u = process.cpuUsage();
  const sec = (us: number) => (us / 1e6).toFixed(6);
  return [
    ['used_cpu_sys', sec(u.system)], ['used_cpu_user', sec(u.user)], ['used_cpu_sys_children', '0.000000'],
    ['used_cpu_user_children', '0.000000'], ['used_cpu_sys_main_thread', sec(u.system)],
    ['used_cpu_user_main_thread', sec(u.user)],
  ];
}

function commandstats(s: ServerContext): Fields {
  const out: Fields = [];
  for (const [name, st] of s.stats.commands) {
    if (!st.calls && !st.failedCalls && !st.rejectedCalls) continue;
    const perCall = st.calls ? (st.usec / st.calls).toFixed(2) : '0.00';
    out.push([`cmdstat_${name}`, `calls=${st.calls},usec=${st.usec},usec_per_call=${perCall},rejected_calls=${st.rejectedCalls},failed_calls=${st.failedCalls}`]);
  }
  return out;
}

function errorstats(s: ServerContext): Fields {
  return [...s.stats.errors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, n]) => [`errorstat_${code}`, `count=${n}`]);
}

/** The %f-then-trimmed spelling Redis uses for percentile names (p50, p99.9). */
function percentileName(p: string): string {
  return Number(p).toFixed(6).replace(/\.?0+$/, '');
}

function latencystats(s: ServerContext): Fields {
  if (!s.config.get<boolean>('latency-tracking')) return [];
  const percentiles = s.config.get<string>('latency-tracking-info-percentiles').split(' ').filter(Boolean);
  const out: Fields = [];
  for (const [name, h] of s.stats.latency) {
    if (h.total === 0) continue;
    const parts = percentiles.map((p) => `p${percentileName(p)}=${(h.valueAtPercentile(Number(p)) / 1000).toFixed(3)}`);
    out.push([`latency_percentiles_usec_${name}`, parts.join(',')]);
  }
  return out;
}

function keyspace(s: ServerContext): Fields {
  const out: Fields = [];
  const now = s.clock.nowMs();
  for (const db of s.keyspace.dbs) {
    if (db.size === 0 && db.expiresCount === 0) continue;
    out.push([`db${db.id}`, `keys=${db.size},expires=${db.expiresCount},avg_ttl=${averageTtl(db, now)}`]);
  }
  return out;
}

/** Mean remaining TTL of volatile keys, estimated from a bounded walk as Redis estimates it from sampling. */
function averageTtl(db: ServerContext['keyspace']['dbs'][number], now: number): number {
  if (db.expiresCount === 0) return 0;
  let sum = 0;
  let n = 0;
  let walked = 0;
  for (const e of db.entries()) {
    if (++walked > 10000) break;
    const at = db.expireAt(e);
    if (at === 0) continue;
    sum += at - now;
    n++;
  }
  return n === 0 ? 0 : Math.round(sum / n);
}

/** Built-in sections in INFO's order; the header is "# " and the title. */
export const BUILTIN_SECTIONS: [name: string, title: string, fn: (s: ServerContext) => Fields][] = [
  ['server', 'Server', server], ['clients', 'Clients', clients], ['memory', 'Memory', memory],
  ['persistence', 'Persistence', persistence], ['stats', 'Stats', stats], ['replication', 'Replication', replication],
  ['cpu', 'CPU', cpu], ['modules', 'Modules', () => []], ['commandstats', 'Commandstats', commandstats],
  ['errorstats', 'Errorstats', errorstats], ['latencystats', 'Latencystats', latencystats],
  ['cluster', 'Cluster', (s) => [['cluster_enabled', s.config.get<boolean>('cluster-enabled') ? 1 : 0]]],
  ['keyspace', 'Keyspace', keyspace],
];
