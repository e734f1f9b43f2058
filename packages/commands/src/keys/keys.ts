import { globMatch, isLiteralPattern } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';

export const keys = defineCommand({
  name: 'keys', arity: 2, flags: ['readonly'], acl: ['@keyspace', '@read', '@slow', '@dangerous'],
  keys: null,
  tips: ['request_policy:all_shards', 'nondeterministic_output_order'],
  docs: { summary: 'Find all keys matching the given pattern', since: '1.0.0', group: 'generic', complexity: 'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.' },
  run: ({ db, server }, argv) => {
    const pattern = argv[1] as string;
    const now = server.clock.nowMs();
    // A pattern without metacharacters names at most one key: no walk needed.
    if (isLiteralPattern(pattern)) {
      const e = db.peek(pattern);
      return e === undefined || db.isExpired(e) ? [] : [pattern];
    }
    const all = pattern === '*';
    const out: string[] = [];
    for (const e of db.entries()) if (all || globMatch(pattern, e.key)) out.push(e.key);
    return out;
  },
});
