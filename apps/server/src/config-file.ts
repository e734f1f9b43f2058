// redis.conf syntax: one directive per line, arguments split like redis-cli splits them,
// '#' comments, `include <file or glob>`. Command-line "--directive value" pairs become lines
// appended after the file, as redis-server does. Errors name the file and line.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { REDIS_VERSION, quotedRepr } from '@cinnabar/common';
import { globMatch } from '@cinnabar/common';
import { splitArgs } from '@cinnabar/resp';

export interface Directive {
  name: string;
  args: string[];
  source: string;
  line: number;
  text: string;
}

export const COMMAND_LINE = '(command line)';

/** redis-server's fatal config report; Cinnabar also names the file the line is in. */
export function fatalConfigReport(source: string, line: number, text: string, reason: string): string {
  const where = source === COMMAND_LINE ? 'the configuration file' : `the configuration file ${source}`;
  return ['', `*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***`, `Reading ${where}, at line ${line}`, `>>> '${text}'`, reason].join('\n');
}

export class ConfigFileError extends Error {
  constructor(readonly source: string, readonly line: number, readonly text: string, readonly reason: string) {
    super(`${reason} (${source}:${line}: '${text}')`);
  }

  report(): string {
    return fatalConfigReport(this.source, this.line, this.text, this.reason);
  }
}

/** Reads an included file; a path with glob characters may name several (or no) files. */
export type IncludeReader = (path: string) => string;

/**
 * Parse config text into directives. `firstLine` numbers the first line, so command-line
 * options can be numbered as redis-server numbers them (after the file's lines).
 */
export function parseConfigText(text: string, source: string, readInclude: IncludeReader, depth = 0, firstLine = 1): Directive[] {
  const out: Directive[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + i;
    const trimmed = (lines[i] as string).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const words = splitArgs(trimmed);
    if (words === null) throw new ConfigFileError(source, line, trimmed, 'Unbalanced quotes in configuration line');
    if (words.length === 0) continue;
    const name = (words[0] as string).toLowerCase();
    const args = words.slice(1);
    if (name === 'include' && args.length === 1) {
      if (depth > 16) throw new ConfigFileError(source, line, trimmed, 'Too many nested includes');
      const path = args[0] as string;
      let included: string;
      try {
        included = readInclude(path);
      } catch {
        throw new ConfigFileError(source, line, trimmed, `Can't open the include file ${path}`);
      }
      out.push(...parseConfigText(included, path, readInclude, depth + 1));
      continue;
    }
    out.push({ name, args, source, line, text: trimmed });
  }
  return out;
}

/** redis-server's quoting of command-line option arguments (sdscatrepr). */
export const quoteArg = quotedRepr;

/**
 * redis-server's argv: [config-file] [--directive value ...]. A value may hold several
 * words, several options may arrive in one argument ("--maxmemory 700mb"), and an option
 * given alone takes the next argument as its value even if it starts with "--" (except
 * `--save`, which then means `save ""`).
 */
export function commandLineConfig(argv: readonly string[]): { file: string | null; text: string } {
  let file: string | null = null;
  let i = 0;
  if (argv.length > 0 && (argv[0] === '-' || !(argv[0] as string).startsWith('-'))) {
    file = argv[0] as string;
    i = 1;
  }
  const lines: string[] = [];
  let current: string[] | null = null;
  let lastHadArg = true;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-' && i === argv.length - 1) continue;
    if (lastHadArg && a.startsWith('--')) {
      if (current) lines.push(current.join(' '));
      current = [a.slice(2)];
      const words = splitArgs(a) ?? [];
      lastHadArg = words.length !== 1;
      if (!lastHadArg && a.toLowerCase() === '--save' && (i === argv.length - 1 || (argv[i + 1] as string).startsWith('--'))) {
        current.push('""');
        lastHadArg = true;
      }
    } else {
      if (current === null) current = [];
      current.push(quoteArg(a));
      lastHadArg = true;
    }
  }
  if (current) lines.push(current.join(' '));
  return { file, text: lines.join('\n') };
}

/** An include path: a plain file, or a glob in its last component (no match: nothing). */
export function readIncludeFile(path: string): string {
  const full = resolve(path);
  const name = basename(full);
  if (!/[*?[]/.test(name)) return readFileSync(full, 'latin1');
  const dir = dirname(full);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return '';
  }
  return entries.filter((e) => globMatch(name, e)).sort().map((e) => readFileSync(join(dir, e), 'latin1')).join('');
}

export function loadConfig(argv: readonly string[], readStdin: () => string = () => readFileSync(0, 'latin1')): Directive[] {
  const { file, text } = commandLineConfig(argv);
  const out: Directive[] = [];
  let fileLines = 0;
  if (file !== null) {
    const body = file === '-' ? readStdin() : readFileSync(file, 'latin1');
    fileLines = body.split('\n').length - 1;
    out.push(...parseConfigText(body, file, readIncludeFile));
  }
  // redis-server appends "\n" + options to the file's text, so options start two lines on.
  out.push(...parseConfigText(text, COMMAND_LINE, readIncludeFile, 0, fileLines + 2));
  return out;
}
