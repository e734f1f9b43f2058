// COMMAND and its subcommands, generated from the registered definitions.

import { type ClientSession, defineCommand, defineContainer, keyPositions } from '@cinnabar/command-kit';
import { globMatch, RedisError, SyntaxError } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { aclCategories, allDefs, commandDocs, commandInfo, keySpecFlags } from './command-describe.js';
import { helpReply } from '@cinnabar/command-kit';

const base = { flags: ['loading', 'stale', 'sentinel'] as const, acl: ['@connection'] };

const count = defineCommand({
  name: 'command|count', arity: 2, ...base,
  docs: { summary: 'Get total number of Redis commands', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => server.commands.size,
});

const info = defineCommand({
  name: 'command|info', arity: -2, ...base, tips: ['nondeterministic_output_order'],
  docs: { summary: 'Get array of specific Redis command details, or all when no argument is given.', since: '2.8.13', group: 'server', complexity: 'O(N) where N is the number of commands to look up' },
  run: ({ server }, argv) => {
    if (argv.length === 2) return [...server.commands.all()].map(commandInfo);
    return argv.slice(2).map((n) => {
      const def = server.commands.byFullName(n);
      return def ? commandInfo(def) : null;
    });
  },
});

const docs = defineCommand({
  name: 'command|docs', arity: -2, ...base, tips: ['nondeterministic_output_order'],
  docs: { summary: 'Get array of specific Redis command documentation', since: '7.0.0', group: 'server', complexity: 'O(N) where N is the number of commands to look up' },
  run: ({ server }, argv) => {
    const defs = argv.length === 2 ? [...server.commands.all()] : argv.slice(2).map((n) => server.commands.byFullName(n));
    const out: Reply[] = [];
    for (const d of defs) if (d) out.push(d.name, commandDocs(d));
    return reply.map(out);
  },
});

const list = defineCommand({
  name: 'command|list', arity: -2, ...base, tips: ['nondeterministic_output_order'],
  docs: { summary: 'Get an array of Redis command names', since: '7.0.0', group: 'server', complexity: 'O(N) where N is the total number of Redis commands' },
  run: ({ server }, argv) => {
    let filter: ((name: string, cats: string[]) => boolean) | null = null;
    for (let i = 2; i < argv.length; i++) {
      if ((argv[i] as string).toLowerCase() !== 'filterby' || argv.length - 1 - i !== 2) throw new SyntaxError();
      const kind = (argv[i + 1] as string).toLowerCase();
      const arg = argv[i + 2] as string;
      if (kind === 'module') filter = () => false;
      else if (kind === 'aclcat') filter = (_n, cats) => cats.includes(arg.toLowerCase());
      else if (kind === 'pattern') filter = (n) => globMatch(arg, n, true);
      else throw new SyntaxError();
      i += 2;
    }
    const out: string[] = [];
    for (const d of allDefs(server.commands)) if (!filter || filter(d.name, aclCategories(d))) out.push(d.name);
    return out;
  },
});

/** COMMAND GETKEYS / GETKEYSANDFLAGS: the keys of a full command line. */
function getKeys(withFlags: boolean) {
  return ({ server }: ClientSession, argv: string[]): Reply => {
    const target = argv.slice(2);
    const def = server.commands.resolve(target);
    if (def === undefined) throw new RedisError('ERR Invalid command specified');
    if ((!def.keys || def.keys.first === 0) && !def.getKeys) throw new RedisError('ERR The command has no key arguments');
    if ((def.arity > 0 && def.arity !== target.length) || target.length < -def.arity) {
      throw new RedisError('ERR Invalid number of arguments specified for command');
    }
    const positions = keyPositions(def, target);
    if (positions.length === 0) {
      if (def.flagSet.has('no_mandatory_keys')) return [];
      throw new RedisError('ERR Invalid arguments specified for command');
    }
    return positions.map((p) => (withFlags ? [target[p] as string, keySpecFlags(def.keys?.flags)] : (target[p] as string)));
  };
}

const getkeys = defineCommand({
  name: 'command|getkeys', arity: -3, ...base,
  docs: { summary: 'Extract keys given a full Redis command', since: '2.8.13', group: 'server', complexity: 'O(N) where N is the number of arguments to the command' },
  run: getKeys(false),
});

const getkeysandflags = defineCommand({
  name: 'command|getkeysandflags', arity: -3, ...base,
  docs: { summary: 'Extract keys and access flags given a full Redis command', since: '7.0.0', group: 'server', complexity: 'O(N) where N is the number of arguments to the command' },
  run: getKeys(true),
});

const HELP = [
  '(no subcommand)', '    Return details about all Redis commands.',
  'COUNT', '    Return the total number of commands in this Redis server.',
  'LIST', '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]', '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all', '    commands are returned.',
  'DOCS [<command-name> ...]', '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all', '    commands are returned.',
  'GETKEYS <full-command>', '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>', '    Return the keys and the access flags from a full Redis command.',
];

const help = defineCommand({
  name: 'command|help', arity: 2, ...base,
  docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const command = Object.assign(
  defineContainer({
    name: 'command', arity: -1, flags: ['loading', 'stale', 'sentinel'], acl: ['@connection'], tips: ['nondeterministic_output_order'],
    docs: { summary: 'Get array of Redis command details', since: '2.8.13', group: 'server', complexity: 'O(N) where N is the total number of Redis commands' },
  }, [count, info, docs, list, getkeys, getkeysandflags, help]),
  { run: ({ server }: ClientSession): Reply => [...server.commands.all()].map(commandInfo) },
);
