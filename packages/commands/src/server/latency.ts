// LATENCY LATEST / HISTORY / RESET / DOCTOR / GRAPH / HISTOGRAM / HELP.

import { defineCommand, defineContainer } from '@cinnabar/command-kit';
import { RedisError } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { helpReply } from '@cinnabar/command-kit';
import { latencyReport } from './latency-doctor.js';
import { sparkline } from './sparkline.js';

const flags = ['admin', 'noscript', 'loading', 'stale'] as const;
const nondet = ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'];
const doc = (summary: string, since = '2.8.13', complexity = 'O(1)') => ({ summary, since, group: 'server', complexity });

const latest = defineCommand({
  name: 'latency|latest', arity: 2, flags, tips: nondet, docs: doc('Return the latest latency samples for all events.'),
  run: ({ server }) => [...server.latency.events].map(([name, e]) => {
    const last = e.samples[e.samples.length - 1];
    return [name, last?.timeSec ?? 0, last?.latencyMs ?? 0, e.maxMs];
  }),
});

const history = defineCommand({
  name: 'latency|history', arity: 3, flags, tips: nondet, docs: doc('Return timestamp-latency samples for the event.'),
  run: ({ server }, argv) => (server.latency.events.get(argv[2] as string)?.samples ?? []).map((s) => [s.timeSec, s.latencyMs]),
});

const reset = defineCommand({
  name: 'latency|reset', arity: -2, flags, tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: doc('Reset latency data for one or more events.'),
  run: ({ server }, argv) => server.latency.reset(argv.slice(2)),
});

const doctor = defineCommand({
  name: 'latency|doctor', arity: 2, flags, tips: nondet, docs: doc('Return a human readable latency analysis report.'),
  run: ({ server }) => reply.verbatim(latencyReport(server, Math.floor(server.clock.nowMs() / 1000))),
});

/** The "Ns / Nm / Nh / Nd" label of a sample that happened `elapsed` seconds ago. */
function ago(elapsed: number): string {
  if (elapsed < 60) return `${elapsed}s`;
  if (elapsed < 3600) return `${Math.floor(elapsed / 60)}m`;
  if (elapsed < 86400) return `${Math.floor(elapsed / 3600)}h`;
  return `${Math.floor(elapsed / 86400)}d`;
}

const graph = defineCommand({
  name: 'latency|graph', arity: 3, flags, tips: nondet, docs: doc('Return a latency graph for the event.'),
  run: ({ server }, argv) => {
    const name = argv[2] as string;
    const e = server.latency.events.get(name);
    if (e === undefined) throw new RedisError(`ERR No samples available for event '${name}'`);
    const now = Math.floor(server.clock.nowMs() / 1000);
    const lat = e.samples.map((s) => s.latencyMs);
    let text = `${name} - high ${Math.max(...lat)} ms, low ${Math.min(...lat)} ms (all time high ${e.maxMs} ms)\n`;
    text += '-'.repeat(80) + '\n';
    text += sparkline(e.samples.map((s) => ({ value: s.latencyMs, label: ago(now - s.timeSec) })), 80, 4);
    return reply.verbatim(text);
  },
});

const histogram = defineCommand({
  name: 'latency|histogram', arity: -2, flags, tips: nondet,
  docs: doc('Return the cumulative distribution of latencies of a subset of commands or all.', '7.0.0',
    'O(N) where N is the number of commands with latency information being retrieved.'),
  run: ({ server }, argv) => {
    const names: string[] = [];
    if (argv.length === 2) {
      for (const def of server.commands.all()) {
        names.push(def.name);
        if (def.subcommands) for (const s of def.subcommands.values()) names.push(s.name);
      }
    } else {
      for (const n of argv.slice(2)) {
        const def = server.commands.byFullName(n);
        if (!def) continue;
        names.push(def.name);
        if (def.subcommands) for (const s of def.subcommands.values()) names.push(s.name);
      }
    }
    const out: Reply[] = [];
    for (const n of names) {
      const h = server.stats.latency.get(n);
      if (!h || h.total === 0) continue;
      out.push(n, reply.map(['calls', h.total, 'histogram_usec', reply.map(h.logRows().flat())]));
    }
    return reply.map(out);
  },
});

const HELP = [
  'DOCTOR', '    Return a human readable latency analysis report.',
  'GRAPH <event>', '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>', '    Return time-latency samples for the <event> class.',
  'LATEST', '    Return the latest latency samples for all events.',
  'RESET [<event> ...]', '    Reset latency data of one or more <event> classes.', '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

const help = defineCommand({
  name: 'latency|help', arity: 2, flags: ['loading', 'stale'], docs: doc('Show helpful text about the different subcommands.'),
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const latency = defineContainer({
  name: 'latency', docs: doc('A container for latency diagnostics commands', '2.8.13', 'Depends on subcommand.'),
}, [latest, history, reset, doctor, graph, histogram, help]);
