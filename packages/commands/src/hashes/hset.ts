import { RedisError } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { writeHash } from './hash-lookup.js';

/** HSET and HMSET: set every pair; answers how many fields were new. */
export function setPairs({ db, server }: ClientSession, argv: readonly string[], name: string): number {
  if (argv.length % 2 === 1) throw new RedisError(`ERR wrong number of arguments for '${name}' command`);
  const key = argv[1] as string;
  const limits = server.keyspace.limits;
  const h = writeHash(db, key);
  h.tryConversion(argv, limits, 2);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (h.set(argv[i] as string, argv[i + 1] as string, limits)) created++;
  db.changed(key, EventClass.hash, 'hset');
  server.keyspace.stats.dirty += (argv.length - 2) / 2 - 1; // Redis counts one change per pair
  return created;
}

export const hset = defineCommand({
  name: 'hset', arity: -4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: {
    summary: 'Set the string value of a hash field', since: '2.0.0', group: 'hash',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
  },
  run: (c, argv) => setPairs(c, argv, 'hset'),
});
