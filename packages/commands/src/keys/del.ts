import { defineCommand } from '@cinnabar/command-kit';
import { type Database, EventClass } from '@cinnabar/storage';

/** DEL and UNLINK: remove each named key that is present; answers how many were. */
export function deleteKeys(db: Database, argv: readonly string[]): number {
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    const key = argv[i] as string;
    if (db.delete(key)) {
      db.changed(key, EventClass.generic, 'del');
      n++;
    }
  }
  return n;
}

export const del = defineCommand({
  name: 'del', arity: -2, flags: ['write'], acl: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RM', 'DELETE'] },
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  docs: { summary: 'Delete a key', since: '1.0.0', group: 'generic', complexity: 'O(N) where N is the number of keys that will be removed.' },
  run: ({ db }, argv) => deleteKeys(db, argv),
});
