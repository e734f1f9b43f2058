// Typed configuration parameters with Redis's names, flags, validation messages and CONFIG
// semantics: GET by name or glob (aliases included), SET of several parameters at once (all
// or nothing), and the per-parameter lines CONFIG REWRITE writes (see rewrite.ts).

import { globMatch } from '@cinnabar/common';
import { rewriteConfigText } from './rewrite.js';

export class ConfigError extends Error {}

/** The lines one parameter contributes to a rewritten config file. */
export interface RewriteLines {
  lines: string[];
  /** Written even when the file does not mention the parameter (value differs from default). */
  force: boolean;
}

export interface ParamSpec<T> {
  name: string;
  aliases?: readonly string[];
  default: T;
  /** Text → value (given the current one, for partial updates); throws ConfigError with Redis's reason. */
  parse(text: string, current: T): T;
  format(value: T): string;
  /** Lines for CONFIG REWRITE; null leaves the file without the parameter. Default: "name value". */
  rewrite?(value: T, name: string): RewriteLines | null;
  immutable?: boolean;
  /** Settable only when enable-protected-configs allows it (dir, dbfilename). */
  protected?: boolean;
  /** Hidden from CONFIG GET patterns (debug-only parameters); an exact name still answers. */
  hidden?: boolean;
  /** Value is a secret: redacted from SLOWLOG and MONITOR. */
  sensitive?: boolean;
}

export class Param<T = unknown> {
  value: T;
  private readonly listeners: ((v: T) => void)[] = [];
  constructor(readonly spec: ParamSpec<T>) {
    this.value = spec.default;
  }
  get name(): string {
    return this.spec.name;
  }
  onChange(fn: (v: T) => void): void {
    this.listeners.push(fn);
    fn(this.value);
  }
  apply(v: T): void {
    this.value = v;
    for (const fn of this.listeners) fn(v);
  }
  text(): string {
    return this.spec.format(this.value);
  }
  isDefault(): boolean {
    return this.spec.format(this.value) === this.spec.format(this.spec.default);
  }
  rewriteLines(): RewriteLines | null {
    if (this.spec.rewrite) return this.spec.rewrite(this.value, this.name);
    return { lines: [`${this.name} ${this.text()}`], force: !this.isDefault() };
  }
}

export interface SetOptions {
  /** Config file and command line: immutable and protected parameters may be set. */
  startup?: boolean;
  /** enable-protected-configs allows this client to set protected parameters. */
  allowProtected?: boolean;
}

export class ConfigRegistry {
  /** Every name and alias → its parameter. */
  private readonly params = new Map<string, Param>();
  private readonly primary: Param[] = [];

  define<T>(spec: ParamSpec<T>): Param<T> {
    const p = new Param(spec);
    this.primary.push(p as Param);
    this.params.set(spec.name, p as Param);
    for (const a of spec.aliases ?? []) this.params.set(a, p as Param);
    return p;
  }

  find(name: string): Param | undefined {
    return this.params.get(name.toLowerCase());
  }

  param<T>(name: string): Param<T> {
    const p = this.params.get(name);
    if (p === undefined) throw new Error(`unknown config parameter ${name}`);
    return p as Param<T>;
  }

  get<T>(name: string): T {
    return this.param<T>(name).value;
  }

  /**
   * CONFIG GET: [name, value] pairs for the given names and patterns. A plain name answers
   * under the spelling asked (hidden ones too); a pattern matches names and aliases, never
   * hidden parameters. Each name appears once.
   */
  match(...patterns: string[]): [string, string][] {
    const out = new Map<string, Param>();
    for (const pattern of patterns) {
      if (!/[*?[]/.test(pattern)) {
        const p = this.find(pattern);
        if (p !== undefined && !out.has(pattern)) out.set(pattern, p);
        continue;
      }
      for (const [name, p] of this.params) {
        if (p.spec.hidden || out.has(name)) continue;
        if (globMatch(pattern, name, true)) out.set(name, p);
      }
    }
    return [...out].map(([name, p]) => [name, p.text()]);
  }

  /**
   * Set several parameters atomically, as CONFIG SET does: names are checked first (unknown,
   * immutable, protected, duplicate — the first problem wins), then every value is parsed,
   * then all are applied; if applying one fails the ones already applied are restored.
   */
  setMany(pairs: readonly [string, string][], opts: SetOptions | boolean = {}): void {
    const o: SetOptions = typeof opts === 'boolean' ? { startup: opts } : opts;
    const targets: Param[] = [];
    for (const [name] of pairs) {
      const p = this.find(name);
      if (p === undefined) throw new UnknownParamError(name);
      if (!o.startup && p.spec.immutable) throw new ParamError(name, "can't set immutable config");
      if (!o.startup && !o.allowProtected && p.spec.protected) throw new ParamError(name, "can't set protected config");
      if (targets.includes(p)) throw new ParamError(name, 'duplicate parameter');
      targets.push(p);
    }
    const values: unknown[] = [];
    pairs.forEach(([, text], i) => {
      const p = targets[i] as Param;
      try {
        values.push(p.spec.parse(text, p.value));
      } catch (e) {
        if (e instanceof ConfigError) throw new ParamError(p.name, e.message);
        throw e;
      }
    });
    const applied: [Param, unknown][] = [];
    try {
      targets.forEach((p, i) => {
        applied.push([p, p.value]);
        p.apply(values[i]);
      });
    } catch (e) {
      for (const [p, old] of applied.reverse()) {
        try {
          p.apply(old);
        } catch {
          p.value = old;
        }
      }
      const failed = targets[applied.length - 1] as Param;
      throw new ParamError(failed.name, e instanceof Error ? e.message : String(e));
    }
  }

  all(): readonly Param[] {
    return this.primary;
  }

  /** CONFIG REWRITE: the new text of a config file whose current text is given ('' if none). */
  rewrite(oldText: string, forceAll = false): string {
    return rewriteConfigText(this, oldText, forceAll);
  }
}

export class UnknownParamError extends Error {
  constructor(readonly param: string) {
    super(`Unknown option or number of arguments for CONFIG SET - '${param}'`);
  }
}

export class ParamError extends Error {
  constructor(readonly param: string, readonly reason: string) {
    super(`CONFIG SET failed (possibly related to argument '${param}') - ${reason}`);
  }
}

export { bool, int, memory, oneOf, str } from './kinds.js';
