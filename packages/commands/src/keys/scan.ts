import { globMatch, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg, token } from '@cinnabar/command-kit';
import { typeName } from '@cinnabar/storage';
import { scanCursorArg } from './scan-cursor.js';

export const scan = defineCommand({
  name: 'scan', arity: -2, flags: ['readonly', 'touches_arbitrary_keys'], acl: ['@keyspace', '@read', '@slow'],
  keys: null,
  tips: ['nondeterministic_output', 'request_policy:special'],
  docs: { summary: 'Incrementally iterate the keys space', since: '2.8.0', group: 'generic', complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.' },
  run: ({ db }, argv) => {
    const cursor = scanCursorArg(argv[1] as string);
    let count = 10;
    let pattern: string | null = null;
    let type: string | null = null;
    for (let i = 2; i < argv.length; i += 2) {
      const t = token(argv[i]);
      const value = argv[i + 1];
      if (value === undefined) throw new SyntaxError();
      if (t === 'COUNT') {
        const n = int64Arg(value);
        if (n < 1) throw new SyntaxError();
        count = Number(n);
      } else if (t === 'MATCH') pattern = value === '*' ? null : value;
      else if (t === 'TYPE') type = value.toLowerCase();
      else throw new SyntaxError();
    }
    const keys: string[] = [];
    const match = pattern === null ? undefined : (key: string) => globMatch(pattern, key);
    const next = db.scan(cursor, count, (e) => {
      if (type !== null) {
        db.lookupRead(e.key, false); // Redis checks the type through a lookup: a keyspace hit
        if (typeName(e.value) !== type) return;
      }
      keys.push(e.key);
    }, match);
    return [String(next), keys];
  },
});
