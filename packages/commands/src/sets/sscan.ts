import { defineCommand } from '@cinnabar/command-kit';
import { scanCursorArg } from '../keys/scan-cursor.js';
import { parseScanOptions } from '../keys/scan-options.js';
import { readSet } from './set-lookup.js';

export const sscan = defineCommand({
  name: 'sscan', arity: -3, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate Set elements', since: '2.8.0', group: 'set',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  run: ({ db }, argv) => {
    const cursor = scanCursorArg(argv[2] as string);
    const s = readSet(db, argv[1] as string);
    if (s === undefined) return ['0', []];
    const { count, match } = parseScanOptions(argv, 3);
    const out: string[] = [];
    const next = s.scan(cursor, count, (m) => {
      if (match === null || match(m)) out.push(m);
    });
    return [String(next), out];
  },
});
