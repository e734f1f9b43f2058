// The command table: lookup by name (any case) and subcommand resolution.

import type { CommandDef } from './define-command.js';

export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();
  /** Exact-case cache so the common spellings (GET, get) skip toLowerCase. */
  private readonly fast = new Map<string, CommandDef>();

  add(def: CommandDef): void {
    if (this.byName.has(def.name)) throw new Error(`command ${def.name} registered twice`);
    this.byName.set(def.name, def);
    this.lastName = '';
    this.lastDef = undefined;
    this.fast.set(def.name, def);
    this.fast.set(def.name.toUpperCase(), def);
  }

  addAll(defs: Iterable<CommandDef>): void {
    for (const d of defs) this.add(d);
  }

  /** The last name looked up and its command: pipelines repeat one name (one string, see the decoder). */
  private lastName = '';
  private lastDef: CommandDef | undefined = undefined;

  /** The top-level command named by argv[0], or undefined. */
  lookup(name: string): CommandDef | undefined {
    if (name === this.lastName) return this.lastDef;
    const def = this.fast.get(name) ?? this.byName.get(name.toLowerCase());
    if (def !== undefined) {
      this.lastName = name;
      this.lastDef = def;
    }
    return def;
  }

  /** A command or, for containers, the subcommand argv names. */
  resolve(argv: readonly string[]): CommandDef | undefined {
    const def = this.lookup(argv[0] as string);
    if (def === undefined || def.subcommands === undefined || argv.length < 2) return def;
    return def.subcommands.get((argv[1] as string).toLowerCase());
  }

  /** Look up 'name' or 'container|sub'. */
  byFullName(full: string): CommandDef | undefined {
    const lower = full.toLowerCase();
    const bar = lower.indexOf('|');
    if (bar < 0) return this.byName.get(lower);
    return this.byName.get(lower.slice(0, bar))?.subcommands?.get(lower.slice(bar + 1));
  }

  all(): IterableIterator<CommandDef> {
    return this.byName.values();
  }

  get size(): number {
    return this.byName.size;
  }
}
