// LATENCY DOCTOR's report: per-event statistics and the advice Redis gives for them.

import type { ServerContext } from '@cinnabar/command-kit';

const ADVICE: [key: string, text: (s: ServerContext) => string | null][] = [
  ['slowlog_enabled', (s) => `- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ${threshold(s) * 1000}'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n`],
  ['slowlog_tuning', (s) => `- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ${threshold(s) * 1000}'.\n`],
  ['slowlog_inspect', () => '- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n'],
  ['scheduler', () => '- The system is slow to execute Redis code paths not containing system calls. This usually means the system does not provide Redis CPU time to run for long periods. You should try to:\n' +
    '  1) Lower the system load.\n  2) Use a computer / VM just for Redis if you are running other software in the same system.\n' +
    '  3) Check if you have a "noisy neighbour" problem.\n' +
    "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n" +
    '  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n'],
  ['hz', (s) => (s.config.get<number>('hz') < 100 ? "- In order to make the Redis keys expiring process more incremental, try to set the 'hz' configuration parameter to 100 using 'CONFIG SET hz 100'.\n" : null)],
  ['large_objects', () => '- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n'],
  ['mass_eviction', () => "- Sudden changes to the 'maxmemory' setting via 'CONFIG SET', or allocation of large objects via sets or sorted sets intersections, STORE option of SORT, Redis Cluster large keys migrations (RESTORE command), may create sudden memory pressure forcing the server to block trying to evict keys. \n"],
];

function threshold(s: ServerContext): number {
  return s.config.get<number>('latency-monitor-threshold');
}

export function latencyReport(s: ServerContext, nowSec: number): string {
  const events = s.latency.events;
  if (events.size === 0 && threshold(s) === 0) {
    return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
  }
  let report = '';
  let n = 0;
  let advices = 0;
  const advise = new Set<string>();
  const add = (...keys: string[]) => {
    for (const k of keys) advise.add(k);
    advices += keys.length;
  };
  for (const [name, ev] of events) {
    if (++n === 1) report += "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
    const lat = ev.samples.map((x) => x.latencyMs);
    const avg = Math.floor(lat.reduce((a, b) => a + b, 0) / lat.length);
    const mad = Math.floor(lat.reduce((a, b) => a + Math.abs(avg - b), 0) / lat.length);
    const period = Math.max(1, nowSec - Math.min(...ev.samples.map((x) => x.timeSec)));
    report += `${n}. ${name}: ${lat.length} latency spikes (average ${avg}ms, mean deviation ${mad}ms, period ${(period / lat.length).toFixed(2)} sec). Worst all time event ${ev.maxMs}ms.`;
    if (name === 'command') {
      const slower = s.config.get<number>('slowlog-log-slower-than');
      if (slower < 0) add('slowlog_enabled');
      else if (Math.trunc(slower / 1000) > threshold(s)) add('slowlog_tuning');
      add('slowlog_inspect', 'large_objects');
    }
    if (name === 'fast-command') add('scheduler');
    if (name === 'expire-cycle') add('hz', 'large_objects');
    if (name === 'eviction-del') add('large_objects');
    if (name === 'eviction-cycle') add('mass_eviction');
    report += '\n';
  }
  if (n === 0 && advices === 0) {
    return report + 'Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n';
  }
  if (advices === 0) {
    return report + "\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n";
  }
  report += '\nI have a few advices for you:\n\n';
  for (const [key, text] of ADVICE) if (advise.has(key)) report += text(s) ?? '';
  return report;
}
