// The COUNT, MATCH (and, for SCAN alone, TYPE) options of the SCAN family with Redis's
// errors: a COUNT below 1, a missing value or an unknown option is a syntax error.

import { globMatch, SyntaxError } from '@cinnabar/common';
import { int64Arg, token } from '@cinnabar/command-kit';

export interface ScanOptions {
  count: number;
  /** null when everything matches (no MATCH, or MATCH *). */
  match: ((s: string) => boolean) | null;
  /** SCAN's TYPE filter, lower-cased; null without one. */
  type: string | null;
}

export function parseScanOptions(argv: readonly string[], from: number, allowType = false): ScanOptions {
  let count = 10;
  let pattern: string | null = null;
  let type: string | null = null;
  for (let i = from; i < argv.length; i += 2) {
    const t = token(argv[i]);
    const value = argv[i + 1];
    if (value === undefined) throw new SyntaxError();
    if (t === 'COUNT') {
      const n = int64Arg(value);
      if (n < 1) throw new SyntaxError();
      count = Number(n);
    } else if (t === 'MATCH') pattern = value === '*' ? null : value;
    else if (t === 'TYPE' && allowType) type = value.toLowerCase();
    else throw new SyntaxError();
  }
  return { count, match: pattern === null ? null : (s) => globMatch(pattern as string, s), type };
}
