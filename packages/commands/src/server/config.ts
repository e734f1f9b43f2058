// CONFIG GET / SET / RESETSTAT / REWRITE / HELP over the config registry.

import { type ClientSession, defineCommand, defineContainer, ParamError, UnknownParamError } from '@cinnabar/command-kit';
import { RedisError, SyntaxError } from '@cinnabar/common';
import { reply } from '@cinnabar/resp';
import { helpReply } from '@cinnabar/command-kit';

const admin = ['admin', 'noscript', 'loading', 'stale'] as const;

const get = defineCommand({
  name: 'config|get', arity: -3, flags: admin,
  docs: {
    summary: 'Get the values of configuration parameters', since: '2.0.0', group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    arguments: [{ name: 'parameter', type: 'block', multiple: true, arguments: [{ name: 'parameter', type: 'string' }] }],
  },
  run: ({ server }, argv) => reply.map(server.config.match(...argv.slice(2)).flat()),
});

/** enable-protected-configs: yes, or local for a loopback / unix-socket client. */
export function protectedActionAllowed(c: ClientSession, setting: string): boolean {
  if (setting === 'yes') return true;
  if (setting !== 'local') return false;
  const addr = c.link.remoteAddress;
  return addr.startsWith('127.') || addr.startsWith('[::1]') || addr.startsWith('::1') || addr.startsWith('/');
}

const set = defineCommand({
  name: 'config|set', arity: -4, flags: admin, tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: {
    summary: 'Set configuration parameters to the given values', since: '2.0.0', group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    arguments: [{ name: 'parameter_value', type: 'block', multiple: true, arguments: [{ name: 'parameter', type: 'string' }, { name: 'value', type: 'string' }] }],
  },
  run: (c, argv) => {
    if (argv.length % 2 !== 0) throw new SyntaxError();
    const pairs: [string, string][] = [];
    for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i] as string, argv[i + 1] as string]);
    const allowProtected = protectedActionAllowed(c, c.server.config.get<string>('enable-protected-configs'));
    try {
      c.server.config.setMany(pairs, { allowProtected });
    } catch (e) {
      if (e instanceof ParamError || e instanceof UnknownParamError) throw new RedisError(`ERR ${e.message}`);
      throw e;
    }
    return reply.ok;
  },
});

const resetstat = defineCommand({
  name: 'config|resetstat', arity: 2, flags: admin,
  docs: { summary: 'Reset the stats returned by INFO', since: '2.0.0', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => {
    server.stats.reset();
    const ks = server.keyspace.stats;
    ks.keyspaceHits = ks.keyspaceMisses = ks.expiredKeys = ks.evictedKeys = 0;
    ks.expiredStalePerc = ks.expiredTimeCapReachedCount = 0;
    return reply.ok;
  },
});

const rewrite = defineCommand({
  name: 'config|rewrite', arity: 2, flags: admin,
  docs: { summary: 'Rewrite the configuration file with the in memory configuration', since: '2.8.0', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => {
    server.rewriteConfig(false);
    return reply.ok;
  },
});

const HELP = [
  'GET <pattern>', '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>', '    Set the configuration <directive> to <value>.',
  'RESETSTAT', '    Reset statistics reported by the INFO command.',
  'REWRITE', '    Rewrite the configuration file.',
];

const help = defineCommand({
  name: 'config|help', arity: 2, flags: ['loading', 'stale'],
  docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const config = defineContainer({
  name: 'config',
  docs: { summary: 'A container for server configuration commands', since: '2.0.0', group: 'server', complexity: 'Depends on subcommand.' },
}, [get, set, resetstat, rewrite, help]);
