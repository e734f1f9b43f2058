import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

/** MSET and MSETNX: pairs after the name, or Redis's arity error naming the command. */
export function msetPairs(argv: readonly string[]): string[] {
  if (argv.length % 2 === 0) throw new RedisError(`ERR wrong number of arguments for '${(argv[0] as string).toLowerCase()}' command`);
  return argv.slice(1);
}

export const mset = defineCommand({
  name: 'mset', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: -1, step: 2, flags: ['OW', 'UPDATE'] },
  tips: ['request_policy:multi_shard', 'response_policy:all_succeeded'],
  docs: { summary: 'Set multiple keys to multiple values', since: '1.0.1', group: 'string', complexity: 'O(N) where N is the number of keys to set.' },
  run: ({ db }, argv) => {
    db.strings.mset(msetPairs(argv), false);
    return reply.ok;
  },
});
