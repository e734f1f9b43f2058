// The kinds of configuration parameter Redis has — yes/no, integers (plain, memory,
// percent, octal), enums (single or space-separated flags), strings — with Redis's parse
// errors, CONFIG GET format and CONFIG REWRITE lines.

import { quotedRepr } from '@cinnabar/common';
import { ConfigError, type ParamSpec, type RewriteLines } from './registry.js';

type Extra<T> = Partial<ParamSpec<T>>;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };

/** redis.conf memory values: digits with an optional unit, never negative. */
export function parseMemoryValue(text: string): number | null {
  const m = /^(\d+)([a-z]*)$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[(m[2] as string).toLowerCase()];
  return unit === undefined ? null : Number(m[1]) * unit;
}

/** The unit CONFIG REWRITE prefers: 1gb, 64mb, 4kb, else bytes. */
export function formatMemoryValue(n: number): string {
  const gb = 1024 ** 3;
  const mb = 1024 ** 2;
  if (n && n % gb === 0) return `${n / gb}gb`;
  if (n && n % mb === 0) return `${n / mb}mb`;
  if (n && n % 1024 === 0) return `${n / 1024}kb`;
  return String(n);
}

/** sdscatrepr: a double-quoted string with C escapes. */
export function quoteConfigString(s: string): string {
  return quotedRepr(s);
}

/** Bounds as C prints them: 2^63 and 2^64 stand for LLONG_MAX and ULLONG_MAX. */
function boundText(n: number): string {
  if (n === 2 ** 63) return '9223372036854775807';
  if (n === -(2 ** 63)) return '-9223372036854775808';
  if (n === 2 ** 64) return '18446744073709551615';
  return String(n);
}

function line(name: string, text: string, force: boolean): RewriteLines {
  return { lines: [`${name} ${text}`], force };
}

export function bool(name: string, def: boolean, extra: Extra<boolean> = {}): ParamSpec<boolean> {
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

export interface IntFlags {
  memory?: boolean;
  percent?: boolean;
  octal?: boolean;
}

/**
 * An integer parameter. Percent values are stored negative (as Redis does), so the bounds
 * check treats them apart.
 */
export function int(name: string, def: number, min: number, max: number, extra: Extra<number> & IntFlags = {}): ParamSpec<number> {
  const { memory: isMemory, percent, octal, ...rest } = extra;
  const parse = (t: string): number => {
    let v: number | null = null;
    if (isMemory) v = parseMemoryValue(t);
    if (v === null && percent && /^\d+%$/.test(t)) v = -Number(t.slice(0, -1));
    if (v === null && octal && /^[+-]?[0-7]+$/.test(t)) v = parseInt(t, 8);
    if (v === null && !isMemory && !percent && !octal && /^-?\d+$/.test(t) && !/^-?0\d/.test(t)) v = Number(t);
    if (v === null) {
      if (isMemory && percent) throw new ConfigError('argument must be a memory or percent value');
      if (isMemory) throw new ConfigError('argument must be a memory value');
      if (octal) throw new ConfigError("argument couldn't be parsed as an octal number");
      throw new ConfigError("argument couldn't be parsed into an integer");
    }
    if (percent && v < 0) {
      if (v < min) throw new ConfigError(`percentage argument must be less or equal to ${-min}`);
    } else if (v < min || v > max) {
      const f = (n: number) => (octal ? n.toString(8) : boundText(n));
      throw new ConfigError(`argument must be between ${f(min)} and ${f(max)} inclusive`);
    }
    return v;
  };
  const format = (v: number): string => {
    if (percent && v < 0) return `${-v}%`;
    return octal ? v.toString(8) : String(v);
  };
  const rewrite = (v: number, n: string): RewriteLines => {
    if (percent && v < 0) return line(n, `${-v}%`, v !== def);
    return line(n, isMemory ? formatMemoryValue(v) : format(v), v !== def);
  };
  return { name, default: def, parse, format, rewrite, ...rest };
}

export function memory(name: string, def: number, min: number, max: number, extra: Extra<number> & IntFlags = {}): ParamSpec<number> {
  return int(name, def, min, max, { ...extra, memory: true });
}

/** An enum; with multi, a space-separated set of flags named by their values. */
export function oneOf(name: string, values: readonly string[], def: string, extra: Extra<string> & { multi?: boolean } = {}): ParamSpec<string> {
  const { multi, ...rest } = extra;
  const error = () => new ConfigError(`argument(s) must be one of the following: ${values.join(', ')}`);
  return {
    name, default: def,
    parse: (t) => {
      const words = multi ? t.split(' ').filter(Boolean) : [t];
      if (words.length === 0) throw error();
      const picked = words.map((w) => w.toLowerCase());
      if (picked.some((w) => !values.includes(w))) throw error();
      if (!multi) return picked[0] as string;
      // Canonical order, as Redis prints bitflags: table order, 'default' only alone.
      const set = values.filter((v) => picked.includes(v) && v !== values[0]);
      return set.length === 0 ? (values[0] as string) : set.join(' ');
    },
    format: (v) => v,
    rewrite: (v, n) => line(n, v, v !== def),
    ...rest,
  };
}

/** A string; `nullable` is Redis's EMPTY_STRING_IS_NULL: an empty value is left out of rewrites. */
export function str(name: string, def: string, extra: Extra<string> & { nullable?: boolean } = {}): ParamSpec<string> {
  const { nullable, ...rest } = extra;
  return {
    name, default: def, parse: (t) => t, format: (v) => v,
    rewrite: (v, n) => (nullable && v === '' ? null : line(n, quoteConfigString(v), v !== def)),
    ...rest,
  };
}
