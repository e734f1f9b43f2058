import { formatDouble } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { ScanCursors } from '@cinnabar/storage';
import { scanCursorArg } from '../keys/scan-cursor.js';
import { parseScanOptions } from '../keys/scan-options.js';
import { readZSet } from './zset-lookup.js';

const INTEGRAL_LIMIT = 2 ** 62;

/** A listpack keeps each score as Redis's d2string text: integral values as plain integers. */
function packedText(score: number): string {
  if (score !== 0 && Number.isInteger(score) && Math.abs(score) <= INTEGRAL_LIMIT) return BigInt(score).toString();
  return formatDouble(score);
}

/** Live walks over skiplist-encoded sets' member maps; a listpack set answers all at once. */
const cursors = new ScanCursors<string, number>();

export const zscan = defineCommand({
  name: 'zscan', arity: -3, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate sorted sets elements and associated scores', since: '2.8.0', group: 'sorted_set',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  run: ({ db }, argv) => {
    const cursor = scanCursorArg(argv[2] as string);
    const z = readZSet(db, argv[1] as string);
    if (z === undefined) return ['0', []];
    const opts = parseScanOptions(argv, 3);
    const out: string[] = [];
    const text = z.compact ? packedText : formatDouble;
    const visit = (m: string, s: number): void => {
      if (opts.match === null || opts.match(m)) out.push(m, text(s));
    };
    if (z.compact) {
      z.walk(0, z.length - 1, false, visit);
      return ['0', out];
    }
    return [String(cursors.step(z.entries(), cursor, opts.count, visit)), out];
  },
});
