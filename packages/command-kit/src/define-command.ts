// A command is data: name, arity, flags, key positions, ACL categories and docs, next to
// its handler. The dispatcher, COMMAND INFO/DOCS/GETKEYS and (later) cluster routing all
// read the same definition.

import type { Reply } from '@cinnabar/resp';
import type { ClientSession } from './session.js';

export type CommandFlag =
  | 'write' | 'readonly' | 'denyoom' | 'module' | 'admin' | 'pubsub' | 'noscript' | 'blocking'
  | 'loading' | 'stale' | 'skip_monitor' | 'skip_slowlog' | 'asking' | 'fast' | 'no_auth'
  | 'may_replicate' | 'sentinel' | 'only_sentinel' | 'no_mandatory_keys' | 'protected'
  | 'module_getkeys' | 'no_async_loading' | 'no_multi' | 'movablekeys' | 'allow_busy'
  | 'module_getchannels' | 'touches_arbitrary_keys';

/** Legacy key positions: first, last (negative counts from the end), step. */
export interface KeyRange {
  first: number;
  last: number;
  step: number;
  /** Key-spec flags for COMMAND INFO, e.g. ['RW', 'ACCESS', 'UPDATE']. */
  flags?: readonly string[];
}

/**
 * A handler answers with a Reply, or with undefined when it has already sent its
 * replies itself through the session (SUBSCRIBE sends one per channel).
 */
export type Handler = (client: ClientSession, argv: string[]) => Reply | undefined;

export interface CommandDocs {
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  /** Argument descriptions for COMMAND DOCS, in Redis's shape. */
  arguments?: readonly ArgumentDoc[];
}

export interface ArgumentDoc {
  name: string;
  type: 'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  token?: string;
  optional?: boolean;
  multiple?: boolean;
  arguments?: readonly ArgumentDoc[];
}

export interface CommandSpec {
  /** Lower-case name; a subcommand is named 'container|sub' (e.g. 'client|list'). */
  name: string;
  arity: number;
  flags: readonly CommandFlag[];
  acl?: readonly string[];
  keys?: KeyRange | null;
  /** Keys for commands whose key positions depend on the arguments (movablekeys). */
  getKeys?: (argv: readonly string[]) => number[];
  docs?: CommandDocs;
  tips?: readonly string[];
  run: Handler;
}

export interface CommandDef extends CommandSpec {
  /** Name as Redis spells it in replies (lower case, without the container). */
  readonly displayName: string;
  readonly subcommands?: ReadonlyMap<string, CommandDef>;
  readonly parent?: CommandDef;
  readonly flagSet: ReadonlySet<CommandFlag>;
  /** The flags the dispatcher tests on every call, as `Flag` bits (a Set lookup costs more). */
  readonly flagBits: number;
  /** Small unique number: per-server caches (command stats) index arrays with it. */
  readonly id: number;
}

/** Bits of CommandDef.flagBits. */
export const Flag = {
  write: 1, loading: 2, no_auth: 4, allow_busy: 8, no_multi: 16, protected: 32,
  touches_arbitrary_keys: 64, skip_slowlog: 128, skip_monitor: 256, admin: 512, fast: 1024, denyoom: 2048,
} as const;

function flagBitsOf(flags: readonly CommandFlag[]): number {
  let bits = 0;
  for (const f of flags) bits |= (Flag as Record<string, number>)[f] ?? 0;
  return bits;
}

let nextId = 0;

/**
 * Every definition gets the same property set in the same order, whatever its spec spells out:
 * the dispatcher reads name, arity, flags and run from hundreds of definitions, and one shape
 * keeps those reads monomorphic.
 */
function build(spec: CommandSpec, name: string, displayName: string, subcommands: ReadonlyMap<string, CommandDef> | undefined): CommandDef {
  return {
    name,
    arity: spec.arity,
    flags: spec.flags,
    acl: spec.acl,
    keys: spec.keys,
    getKeys: spec.getKeys,
    docs: spec.docs,
    tips: spec.tips,
    run: spec.run,
    displayName,
    subcommands,
    parent: undefined,
    flagSet: new Set(spec.flags),
    flagBits: flagBitsOf(spec.flags),
    id: nextId++,
  };
}

export function defineCommand(spec: CommandSpec): CommandDef {
  const name = spec.name.toLowerCase();
  const bar = name.indexOf('|');
  return build(spec, name, bar < 0 ? name : name.slice(bar + 1), undefined);
}

/** A container command (CLIENT, CONFIG, OBJECT…) whose behaviour lives in its subcommands. */
export function defineContainer(
  spec: Omit<CommandSpec, 'run' | 'arity' | 'flags'> & { arity?: number; flags?: readonly CommandFlag[] },
  subs: readonly CommandDef[],
): CommandDef {
  const name = spec.name.toLowerCase();
  const def = build({
    ...spec,
    arity: spec.arity ?? -2,
    flags: spec.flags ?? [],
    run: () => {
      throw new Error(`container ${name} has no handler of its own`);
    },
  }, name, name, new Map(subs.map((s) => [s.displayName, s])));
  for (const s of subs) (s as { parent?: CommandDef }).parent = def;
  return def;
}

/** Positions of the keys in argv, per the definition. */
export function keyPositions(def: CommandDef, argv: readonly string[]): number[] {
  if (def.getKeys) return def.getKeys(argv);
  const k = def.keys;
  if (!k || k.first === 0) return [];
  const last = k.last < 0 ? argv.length + k.last : k.last;
  const out: number[] = [];
  for (let i = k.first; i <= last && i < argv.length; i += k.step) out.push(i);
  return out;
}
