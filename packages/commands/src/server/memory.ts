// MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP.

import { defineCommand, defineContainer, intArg } from '@cinnabar/command-kit';
import { SyntaxError } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { helpReply } from '@cinnabar/command-kit';
import { memoryFigures } from './memory-figures.js';
import { keyUsage } from './memory-usage.js';

const doc = (summary: string, complexity = 'O(1)') => ({ summary, since: '4.0.0', group: 'server', complexity });
const nondet = ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'];

const usage = defineCommand({
  name: 'memory|usage', arity: -3, flags: ['readonly'], keys: { first: 2, last: 2, step: 1, flags: ['RO'] },
  docs: {
    ...doc('Estimate the memory usage of a key', 'O(N) where N is the number of samples.'),
    arguments: [{ name: 'key', type: 'key' }, { name: 'count', type: 'integer', token: 'SAMPLES', optional: true }],
  },
  run: ({ db }, argv) => {
    let samples = 5;
    for (let i = 3; i < argv.length; i++) {
      if ((argv[i] as string).toLowerCase() !== 'samples' || i + 1 >= argv.length) throw new SyntaxError();
      samples = intArg(argv[++i] as string);
      if (samples < 0) throw new SyntaxError();
    }
    const e = db.peek(argv[2] as string);
    return e === undefined ? null : keyUsage(e.key, e.value, samples);
  },
});

const stats = defineCommand({
  name: 'memory|stats', arity: 2, flags: [], tips: nondet, docs: doc('Show memory usage details'),
  run: ({ server }) => {
    const m = memoryFigures(server);
    const keys = server.keyspace.totalKeys();
    const overhead = m.startup;
    const dataset = Math.max(0, m.used - overhead);
    const dbs: Reply[] = [];
    for (const db of server.keyspace.dbs) {
      if (db.size === 0) continue;
      dbs.push(`db.${db.id}`, reply.map(['overhead.hashtable.main', db.size * 24, 'overhead.hashtable.expires', db.expiresCount * 24, 'overhead.hashtable.slot-to-keys', 0]));
    }
    const ratio = (a: number, b: number) => reply.double(b === 0 ? 0 : a / b);
    return reply.map([
      'peak.allocated', m.peak, 'total.allocated', m.used, 'startup.allocated', m.startup, 'replication.backlog', 0,
      'clients.slaves', 0, 'clients.normal', 0, 'cluster.links', 0, 'aof.buffer', 0, 'lua.caches', 0, 'functions.caches', 0,
      ...dbs,
      'overhead.total', overhead, 'keys.count', keys, 'keys.bytes-per-key', keys ? Math.floor((m.used - m.startup) / keys) : 0,
      'dataset.bytes', dataset, 'dataset.percentage', ratio(dataset * 100, Math.max(1, m.used - m.startup)),
      'peak.percentage', ratio(m.used * 100, m.peak), 'allocator.allocated', m.used, 'allocator.active', m.heapTotal,
      'allocator.resident', m.rss, 'allocator-fragmentation.ratio', ratio(m.heapTotal, m.used),
      'allocator-fragmentation.bytes', m.heapTotal - m.used, 'allocator-rss.ratio', ratio(m.rss, m.heapTotal),
      'allocator-rss.bytes', m.rss - m.heapTotal, 'rss-overhead.ratio', reply.double(1), 'rss-overhead.bytes', 0,
      'fragmentation', ratio(m.rss, m.used), 'fragmentation.bytes', m.rss - m.used,
    ]);
  },
});

const doctor = defineCommand({
  name: 'memory|doctor', arity: 2, flags: [], tips: nondet, docs: doc('Outputs memory problems report'),
  run: ({ server }) => {
    const m = memoryFigures(server);
    if (m.used < 5 * 1024 * 1024) {
      return reply.verbatim('Hi Sam, this instance is empty or is using very little memory, my issues detector can\'t be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n');
    }
    if (m.peak / m.used > 1.5) {
      return reply.verbatim('Sam, I detected a few issues in this Redis instance memory implants:\n\n' +
        ' * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to shutdown and restart the instance.\n\n' +
        "I'm here to keep you safe, Sam. I want to help you.\n");
    }
    return reply.verbatim("Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n");
  },
});

const mallocStats = defineCommand({
  name: 'memory|malloc-stats', arity: 2, flags: [], tips: nondet,
  docs: doc('Show allocator internal stats', 'Depends on how much memory is allocated, could be slow'),
  run: () => reply.verbatim('Stats not supported for the current allocator'),
});

const purge = defineCommand({
  name: 'memory|purge', arity: 2, flags: [], tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: doc('Ask the allocator to release memory', 'Depends on how much memory is allocated, could be slow'),
  run: () => reply.ok,
});

const HELP = [
  'DOCTOR', '    Return memory problems reports.',
  'MALLOC-STATS', '    Return internal statistics report from the memory allocator.',
  'PURGE', '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS', '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]', '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

const help = defineCommand({
  name: 'memory|help', arity: 2, flags: ['loading', 'stale'], docs: doc('Show helpful text about the different subcommands'),
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const memory = defineContainer({
  name: 'memory', docs: doc('A container for memory diagnostics commands', 'Depends on subcommand.'),
}, [usage, stats, doctor, mallocStats, purge, help]);
