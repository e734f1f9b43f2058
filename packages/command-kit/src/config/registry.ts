// Typed configuration parameters with Redis's names, validation messages and CONFIG
// semantics: GET by glob, SET of several parameters at once (all or nothing), RESETSTAT
// is elsewhere, REWRITE needs the app's file access and is wired there.

import { globMatch, parseMemory } from '@cinnabar/common';

export class ConfigError extends Error {}

export interface ParamSpec<T> {
  name: string;
  aliases?: readonly string[];
  default: T;
  /** Text → value; throws ConfigError with Redis's reason. */
  parse(text: string): T;
  format(value: T): string;
  immutable?: boolean;
  /** Hidden from CONFIG GET * (debug-only parameters). */
  hidden?: boolean;
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
}

export class ConfigRegistry {
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

  /** CONFIG GET: [name, value] pairs for every parameter or alias matching a pattern. */
  match(pattern: string): [string, string][] {
    const lower = pattern.toLowerCase();
    const exact = this.params.get(lower);
    if (exact && !/[*?[\\]/.test(pattern)) return [[lower, exact.text()]];
    const out: [string, string][] = [];
    for (const [name, p] of this.params) {
      if (p.spec.hidden) continue;
      if (globMatch(lower, name, true)) out.push([name, p.text()]);
    }
    return out;
  }

  /**
   * Set several parameters atomically: every value is parsed first, then all are
   * applied; if applying one fails the ones already applied are restored.
   */
  setMany(pairs: readonly [string, string][], allowImmutable = false): void {
    const parsed: [Param, unknown, string][] = [];
    const seen = new Set<Param>();
    for (const [name, text] of pairs) {
      const p = this.find(name);
      if (p === undefined) throw new UnknownParamError(name);
      if (seen.has(p)) throw new ParamError(name, 'duplicate parameter');
      seen.add(p);
      if (p.spec.immutable && !allowImmutable) throw new ParamError(name, "can't set immutable config");
      try {
        parsed.push([p, p.spec.parse(text), name]);
      } catch (e) {
        if (e instanceof ConfigError) throw new ParamError(name, e.message);
        throw e;
      }
    }
    const applied: [Param, unknown][] = [];
    try {
      for (const [p, v] of parsed) {
        applied.push([p, p.value]);
        p.apply(v);
      }
    } catch (e) {
      for (const [p, old] of applied.reverse()) p.apply(old);
      const name = parsed[applied.length - 1]?.[2] ?? '';
      throw new ParamError(name, e instanceof Error ? e.message : String(e));
    }
  }

  all(): readonly Param[] {
    return this.primary;
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

// ---- parameter kinds ----

export function bool(name: string, def: boolean, extra: Partial<ParamSpec<boolean>> = {}): ParamSpec<boolean> {
  return {
    name, default: def,
    parse: (t) => {
      const l = t.toLowerCase();
      if (l === 'yes') return true;
      if (l === 'no') return false;
      throw new ConfigError("argument must be 'yes' or 'no'");
    },
    format: (v) => (v ? 'yes' : 'no'),
    ...extra,
  };
}

export function int(name: string, def: number, min: number, max: number, extra: Partial<ParamSpec<number>> = {}): ParamSpec<number> {
  return {
    name, default: def,
    parse: (t) => {
      if (!/^-?\d+$/.test(t)) throw new ConfigError("argument couldn't be parsed into an integer");
      const v = Number(t);
      if (v < min || v > max) throw new ConfigError(`argument must be between ${min} and ${max} inclusive`);
      return v;
    },
    format: (v) => String(v),
    ...extra,
  };
}

export function memory(name: string, def: number, min: number, max: number, extra: Partial<ParamSpec<number>> = {}): ParamSpec<number> {
  return {
    name, default: def,
    parse: (t) => {
      const v = parseMemory(t);
      if (v === null) throw new ConfigError('argument must be a memory value');
      if (v < min || v > max) throw new ConfigError(`argument must be between ${min} and ${max} inclusive`);
      return v;
    },
    format: (v) => String(v),
    ...extra,
  };
}

export function oneOf(name: string, values: readonly string[], def: string, extra: Partial<ParamSpec<string>> = {}): ParamSpec<string> {
  return {
    name, default: def,
    parse: (t) => {
      const l = t.toLowerCase();
      if (!values.includes(l)) throw new ConfigError(`argument(s) must be one of the following: ${values.join(', ')}`);
      return l;
    },
    format: (v) => v,
    ...extra,
  };
}

export function str(name: string, def: string, extra: Partial<ParamSpec<string>> = {}): ParamSpec<string> {
  return { name, default: def, parse: (t) => t, format: (v) => v, ...extra };
}
