// SRANDMEMBER: one random member, or `count` of them — distinct for a positive count (the
// whole set once count reaches its size), with repetitions for a negative one.

import { INT64_MIN, type Random, RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import type { SetValue } from '@cinnabar/storage';
import { readSet } from './set-lookup.js';

/**
 * Redis streams any number of repeated picks into the output buffer; a JS array that size
 * would take the process down, so repeated picks stop here (an out-of-range error beyond).
 */
const MAX_PICKS = 1 << 24;

function distinct(s: SetValue, count: number, random: Random): string[] {
  const size = s.size;
  if (count >= size) return s.members();
  const idx = Array.from({ length: size }, (_, i) => i);
  if (count * 3 > size) {
    for (let i = 0; i < count; i++) {
      const j = i + random.int(size - i);
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx.slice(0, count).map((i) => s.at(i));
  }
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(size));
  return [...picked].map((i) => s.at(i));
}

export const srandmember = defineCommand({
  name: 'srandmember', arity: -2, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get one or multiple random members from a set', since: '1.0.0', group: 'set', complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.' },
  run: ({ db, server }, argv) => {
    const key = argv[1] as string;
    if (argv.length > 3) throw new SyntaxError();
    if (argv.length === 2) return readSet(db, key)?.random(server.random) ?? null;
    const l = int64Arg(argv[2] as string);
    if (l === INT64_MIN) throw new RedisError('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807');
    const s = readSet(db, key);
    if (s === undefined || l === 0) return [];
    if (l > 0) return distinct(s, typeof l === 'bigint' ? Number.MAX_SAFE_INTEGER : l, server.random);
    if (l < -MAX_PICKS) throw new RedisError('ERR value is out of range');
    return Array.from({ length: -Number(l) }, () => s.random(server.random));
  },
});
