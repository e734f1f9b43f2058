// SLOWLOG GET / LEN / RESET / HELP.

import { defineCommand, defineContainer, intArg } from '@cinnabar/command-kit';
import { RedisError } from '@cinnabar/common';
import { reply } from '@cinnabar/resp';
import { helpReply } from '@cinnabar/command-kit';

const flags = ['admin', 'loading', 'stale'] as const;
const doc = (summary: string, complexity = 'O(1)', since = '2.2.12') => ({ summary, since, group: 'server', complexity });

const get = defineCommand({
  name: 'slowlog|get', arity: -2, flags, tips: ['request_policy:all_nodes', 'nondeterministic_output'],
  docs: { ...doc("Get the slow log's entries", 'O(N) where N is the number of entries returned'), arguments: [{ name: 'count', type: 'integer', optional: true }] },
  run: ({ server }, argv) => {
    if (argv.length > 3) throw new RedisError("ERR unknown subcommand or wrong number of arguments for 'get'. Try SLOWLOG HELP.");
    let count = 10;
    if (argv.length === 3) {
      const err = () => new RedisError('ERR count should be greater than or equal to -1');
      count = intArg(argv[2] as string, err);
      if (count < -1) throw err();
      if (count === -1) count = server.slowlog.length;
    }
    return server.slowlog.get(count).map((e) => [e.id, e.timeSec, e.durationUs, e.argv, e.peer, e.name]);
  },
});

const len = defineCommand({
  name: 'slowlog|len', arity: 2, flags, tips: ['request_policy:all_nodes', 'response_policy:agg_sum', 'nondeterministic_output'],
  docs: doc("Get the slow log's length"),
  run: ({ server }) => server.slowlog.length,
});

const reset = defineCommand({
  name: 'slowlog|reset', arity: 2, flags, tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: doc('Clear all entries from the slow log', 'O(N) where N is the number of entries in the slowlog'),
  run: ({ server }) => {
    server.slowlog.reset();
    return reply.ok;
  },
});

const HELP = [
  'GET [<count>]', '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:', '    id, timestamp, time in microseconds, arguments array, client IP and port,', '    client name',
  'LEN', '    Return the length of the slowlog.',
  'RESET', '    Reset the slowlog.',
];

const help = defineCommand({
  name: 'slowlog|help', arity: 2, flags: ['loading', 'stale'], docs: doc('Show helpful text about the different subcommands', 'O(1)', '6.2.0'),
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const slowlog = defineContainer({
  name: 'slowlog', docs: doc('A container for slow log commands', 'Depends on subcommand.'),
}, [get, len, reset, help]);
