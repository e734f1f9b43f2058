// redis.conf syntax: one directive per line, arguments split like redis-cli splits them,
// '#' comments, `include <file>`. Command-line "--directive value" pairs become lines
// appended after the file, as redis-server does. Errors name the file and line.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { splitArgs } from '@cinnabar/resp';

export interface Directive {
  name: string;
  args: string[];
  source: string;
  line: number;
  text: string;
}

export class ConfigFileError extends Error {
  constructor(readonly source: string, readonly line: number, readonly text: string, readonly reason: string) {
    super(`${reason} (${source}:${line}: '${text}')`);
  }
}

export function parseConfigText(text: string, source: string, readInclude: (path: string) => string, depth = 0): Directive[] {
  const out: Directive[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const words = splitArgs(trimmed);
    if (words === null) throw new ConfigFileError(source, i + 1, trimmed, 'Unbalanced quotes in configuration line');
    if (words.length === 0) continue;
    const name = (words[0] as string).toLowerCase();
    const args = words.slice(1);
    if (name === 'include') {
      if (args.length !== 1) throw new ConfigFileError(source, i + 1, trimmed, 'Bad directive or wrong number of arguments');
      if (depth > 16) throw new ConfigFileError(source, i + 1, trimmed, 'Too many nested includes');
      const path = args[0] as string;
      let included: string;
      try {
        included = readInclude(path);
      } catch {
        throw new ConfigFileError(source, i + 1, trimmed, `Can't open the include file ${path}`);
      }
      out.push(...parseConfigText(included, path, readInclude, depth + 1));
      continue;
    }
    out.push({ name, args, source, line: i + 1, text: trimmed });
  }
  return out;
}

/**
 * redis-server's argv: [config-file] [--directive value ...]. A value may hold several
 * words, and several options may arrive in one argument ("--maxmemory 700mb").
 */
export function commandLineConfig(argv: readonly string[]): { file: string | null; text: string } {
  let file: string | null = null;
  let i = 0;
  if (argv.length > 0 && !(argv[0] as string).startsWith('--')) {
    file = argv[0] as string;
    i = 1;
  }
  const lines: string[] = [];
  let current: string[] | null = null;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--') && a.length > 2) {
      if (current) lines.push(current.join(' '));
      const words = a.slice(2).split(' ');
      current = [words[0] as string, ...words.slice(1).map(quote)];
    } else if (a === '-' ) {
      continue;
    } else if (current) {
      current.push(quote(a));
    } else {
      throw new ConfigFileError('(command line)', 0, a, 'Invalid argument');
    }
  }
  if (current) lines.push(current.join(' '));
  return { file, text: lines.join('\n') };
}

function quote(s: string): string {
  if (s === '') return '""';
  if (!/[\s"'\\]/.test(s)) return s;
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
}

export function loadConfig(argv: readonly string[]): Directive[] {
  const { file, text } = commandLineConfig(argv);
  const readInclude = (p: string) => readFileSync(resolve(p), 'latin1');
  const out: Directive[] = [];
  if (file !== null) {
    const body = file === '-' ? readFileSync(0, 'latin1') : readFileSync(file, 'latin1');
    out.push(...parseConfigText(body, file, readInclude));
  }
  out.push(...parseConfigText(text, '(command line)', readInclude));
  return out;
}
