// How COMMAND INFO / DOCS / LIST describe a definition, in Redis 7.0's shapes: flags and
// ACL categories in Redis's table order (with the categories Redis implies from flags),
// key specs derived from the legacy key range, docs maps with nested subcommands.

import type { ArgumentDoc, CommandDef, CommandFlag, CommandRegistry } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';

/** The flags COMMAND INFO shows, in Redis's order (others are hidden on purpose). */
const SHOWN_FLAGS: readonly CommandFlag[] = [
  'write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'no_mandatory_keys', 'no_async_loading',
  'no_multi', 'movablekeys', 'allow_busy',
];

/** ACL categories in Redis's table order. */
export const ACL_CATEGORIES = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
] as const;

const KEY_FLAG_ORDER = ['RO', 'RW', 'OW', 'RM', 'ACCESS', 'UPDATE', 'INSERT', 'DELETE', 'NOT_KEY', 'INCOMPLETE', 'VARIABLE_FLAGS'];

/** A command's categories: its own plus those Redis implies from its flags (setImplicitACLCategories). */
export function aclCategories(def: CommandDef): string[] {
  const cats = new Set((def.acl ?? []).map((c) => c.replace(/^@/, '').toLowerCase()));
  const f = def.flagSet;
  if (f.has('write')) cats.add('write');
  if (f.has('readonly') && !cats.has('scripting')) cats.add('read');
  if (f.has('admin')) {
    cats.add('admin');
    cats.add('dangerous');
  }
  if (f.has('pubsub')) cats.add('pubsub');
  if (f.has('fast')) cats.add('fast');
  if (f.has('blocking')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  return ACL_CATEGORIES.filter((c) => cats.has(c));
}

function shownFlags(def: CommandDef): Reply {
  const flags = SHOWN_FLAGS.filter((f) => def.flagSet.has(f) || (f === 'movablekeys' && def.getKeys !== undefined));
  return reply.set(flags.map((f) => reply.simple(f)));
}

/** Key-spec flags as Redis prints them: access kinds upper case, the rest lower case. */
export function keySpecFlags(flags: readonly string[] | undefined): Reply {
  const upper = (flags ?? []).map((f) => f.toUpperCase());
  const ordered = KEY_FLAG_ORDER.filter((f) => upper.includes(f));
  return reply.set(ordered.map((f) => reply.simple(f.length === 2 ? f : f.toLowerCase())));
}

function keySpecs(def: CommandDef): Reply {
  const k = def.keys;
  if (!k || k.first === 0) return reply.set([]);
  const lastkey = k.last < 0 ? k.last : k.last - k.first;
  return reply.set([reply.map([
    'flags', keySpecFlags(k.flags),
    'begin_search', reply.map(['type', 'index', 'spec', reply.map(['index', k.first])]),
    'find_keys', reply.map(['type', 'range', 'spec', reply.map(['lastkey', lastkey, 'keystep', k.step, 'limit', 0])]),
  ])]);
}

/** COMMAND INFO's ten-element description of one command (subcommands nested). */
export function commandInfo(def: CommandDef): Reply {
  const k = def.keys;
  const hasKeys = k !== undefined && k !== null && k.first !== 0;
  return [
    def.name,
    def.arity,
    shownFlags(def),
    hasKeys ? k.first : 0,
    hasKeys ? k.last : 0,
    hasKeys ? k.step : 0,
    reply.set(aclCategories(def).map((c) => reply.simple(`@${c}`))),
    reply.set(def.tips ?? []),
    keySpecs(def),
    def.subcommands ? [...def.subcommands.values()].map(commandInfo) : reply.set([]),
  ];
}

function argumentDocs(args: readonly ArgumentDoc[], keyIndex: { next: number }): Reply {
  return args.map((a) => {
    const m: Reply[] = ['name', a.name, 'type', a.type];
    if (a.type === 'key') m.push('key_spec_index', keyIndex.next++);
    if (a.token !== undefined) m.push('token', a.token);
    const flags: string[] = [];
    if (a.optional) flags.push('optional');
    if (a.multiple) flags.push('multiple');
    if (flags.length) m.push('flags', reply.set(flags.map((f) => reply.simple(f))));
    if (a.type === 'oneof' || a.type === 'block') m.push('arguments', argumentDocs(a.arguments ?? [], keyIndex));
    return reply.map(m);
  });
}

/** COMMAND DOCS's map for one command. */
export function commandDocs(def: CommandDef): Reply {
  const d = def.docs;
  const m: Reply[] = [];
  if (d?.summary) m.push('summary', d.summary);
  if (d?.since) m.push('since', d.since);
  m.push('group', d?.group ?? 'generic');
  if (d?.complexity) m.push('complexity', d.complexity);
  if (d?.arguments?.length) m.push('arguments', argumentDocs(d.arguments, { next: 0 }));
  if (def.subcommands) {
    const subs: Reply[] = [];
    for (const s of def.subcommands.values()) subs.push(s.name, commandDocs(s));
    m.push('subcommands', reply.map(subs));
  }
  return reply.map(m);
}

/** Every command and subcommand, containers first, as COMMAND LIST walks them. */
export function* allDefs(registry: CommandRegistry): IterableIterator<CommandDef> {
  for (const def of registry.all()) {
    yield def;
    if (def.subcommands) yield* def.subcommands.values();
  }
}
