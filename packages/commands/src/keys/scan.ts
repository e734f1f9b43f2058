import { defineCommand } from '@cinnabar/command-kit';
import { typeName } from '@cinnabar/storage';
import { scanCursorArg } from './scan-cursor.js';
import { parseScanOptions } from './scan-options.js';

export const scan = defineCommand({
  name: 'scan', arity: -2, flags: ['readonly', 'touches_arbitrary_keys'], acl: ['@keyspace', '@read', '@slow'],
  keys: null,
  tips: ['nondeterministic_output', 'request_policy:special'],
  docs: { summary: 'Incrementally iterate the keys space', since: '2.8.0', group: 'generic', complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.' },
  run: ({ db }, argv) => {
    const cursor = scanCursorArg(argv[1] as string);
    const { count, match, type } = parseScanOptions(argv, 2, true);
    const keys: string[] = [];
    const next = db.scan(cursor, count, (e) => {
      if (type !== null) {
        db.lookupRead(e.key, false); // Redis checks the type through a lookup: a keyspace hit
        if (typeName(e.value) !== type) return;
      }
      keys.push(e.key);
    }, match ?? undefined);
    return [String(next), keys];
  },
});
