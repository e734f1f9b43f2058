import { NotFloatError, RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand, floatArg } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { EventClass, ZSetValue } from '@cinnabar/storage';
import { zsetOf } from './zset-lookup.js';

const NAN_ERROR = 'ERR resulting score is not a number (NaN)';
/** ZADD's option words as bits, so parsing allocates nothing. */
const NX = 1;
const XX = 2;
const CH = 4;
const INCR = 8;
const GT = 16;
const LT = 32;

/** The option bit a word names, or 0 when it is not an option (then the score pairs start). */
function optionBit(word: string): number {
  if (word.length > 4) return 0;
  switch (word.toLowerCase()) {
    case 'nx': return NX;
    case 'xx': return XX;
    case 'ch': return CH;
    case 'incr': return INCR;
    case 'gt': return GT;
    case 'lt': return LT;
    default: return 0;
  }
}

/** ZADD and ZINCRBY (Redis's zaddGenericCommand): options, score-member pairs, one event. */
export function zaddGeneric({ db, server }: ClientSession, argv: readonly string[], incrCommand: boolean): Reply {
  const key = argv[1] as string;
  let f = incrCommand ? INCR : 0;
  let at = 2;
  for (; at < argv.length; at++) {
    const bit = optionBit(argv[at] as string);
    if (bit === 0) break;
    f |= bit;
  }
  const n = argv.length - at;
  if (n === 0 || n % 2 === 1) throw new SyntaxError();
  if ((f & NX) !== 0 && (f & XX) !== 0) throw new RedisError('ERR XX and NX options at the same time are not compatible');
  if (((f & (GT | LT)) !== 0 && (f & NX) !== 0) || (f & (GT | LT)) === (GT | LT)) {
    throw new RedisError('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  const incr = (f & INCR) !== 0;
  if (incr && n > 2) throw new RedisError('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = at; j < argv.length; j += 2) scores.push(floatArg(argv[j] as string, () => new NotFloatError()));

  let e = db.lookup(key);
  if (e !== undefined) zsetOf(e);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let last = 0;
  let nanError = false;
  if (e === undefined && (f & XX) === 0) e = db.add(key, new ZSetValue());
  if (e !== undefined) {
    const z = e.value as ZSetValue;
    const limits = server.keyspace.limits;
    for (let i = 0; i < scores.length; i++) {
      const member = argv[at + 1 + 2 * i] as string;
      let score = scores[i] as number;
      const cur = z.score(member);
      if (cur === undefined) {
        if ((f & XX) !== 0) continue;
        z.set(member, score, limits);
        added++;
      } else {
        if ((f & NX) !== 0) continue;
        if (incr) score += cur;
        if (Number.isNaN(score)) {
          nanError = true;
          break;
        }
        if (((f & LT) !== 0 && score >= cur) || ((f & GT) !== 0 && score <= cur)) continue;
        if (z.set(member, score, limits) === 'updated') updated++;
      }
      processed++;
      last = score;
    }
  }
  if (added + updated > 0) db.changed(key, EventClass.zset, incr ? 'zincr' : 'zadd', added + updated);
  if (nanError) throw new RedisError(NAN_ERROR);
  if (incr) return processed > 0 ? reply.double(last) : null;
  return (f & CH) !== 0 ? added + updated : added;
}

export const zadd = defineCommand({
  name: 'zadd', arity: -4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: {
    summary: 'Add one or more members to a sorted set, or update its score if it already exists', since: '1.2.0', group: 'sorted_set',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
  },
  run: (c, argv) => zaddGeneric(c, argv, false),
});
