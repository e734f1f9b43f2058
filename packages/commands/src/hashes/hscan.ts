import { defineCommand } from '@cinnabar/command-kit';
import { scanCursorArg } from '../keys/scan-cursor.js';
import { parseScanOptions } from '../keys/scan-options.js';
import { readHash } from './hash-lookup.js';

export const hscan = defineCommand({
  name: 'hscan', arity: -3, flags: ['readonly'], acl: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate hash fields and associated values', since: '2.8.0', group: 'hash',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  run: ({ db }, argv) => {
    const cursor = scanCursorArg(argv[2] as string);
    const h = readHash(db, argv[1] as string);
    if (h === undefined) return ['0', []];
    const { count, match } = parseScanOptions(argv, 3);
    const out: string[] = [];
    const next = h.scan(cursor, count, (f, v) => {
      if (match === null || match(f)) out.push(f, v);
    });
    return [String(next), out];
  },
});
