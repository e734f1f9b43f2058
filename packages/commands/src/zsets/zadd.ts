import { NotFloatError, RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand, floatArg } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { EventClass, ZSetValue } from '@cinnabar/storage';
import { zsetOf } from './zset-lookup.js';

const NAN_ERROR = 'ERR resulting score is not a number (NaN)';
const FLAGS = ['nx', 'xx', 'ch', 'incr', 'gt', 'lt'] as const;
type Flag = (typeof FLAGS)[number];

/** ZADD and ZINCRBY (Redis's zaddGenericCommand): options, score-member pairs, one event. */
export function zaddGeneric({ db, server }: ClientSession, argv: readonly string[], incrCommand: boolean): Reply {
  const key = argv[1] as string;
  const f = new Set<Flag>(incrCommand ? ['incr'] : []);
  let at = 2;
  for (; at < argv.length; at++) {
    const t = (argv[at] as string).toLowerCase() as Flag;
    if (!FLAGS.includes(t)) break;
    f.add(t);
  }
  const n = argv.length - at;
  if (n === 0 || n % 2 === 1) throw new SyntaxError();
  if (f.has('nx') && f.has('xx')) throw new RedisError('ERR XX and NX options at the same time are not compatible');
  if ((f.has('gt') && f.has('nx')) || (f.has('lt') && f.has('nx')) || (f.has('gt') && f.has('lt'))) {
    throw new RedisError('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  const incr = f.has('incr');
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
  if (e === undefined && !f.has('xx')) e = db.add(key, new ZSetValue());
  if (e !== undefined) {
    const z = e.value as ZSetValue;
    const limits = server.keyspace.limits;
    for (let i = 0; i < scores.length; i++) {
      const member = argv[at + 1 + 2 * i] as string;
      let score = scores[i] as number;
      const cur = z.score(member);
      if (cur === undefined) {
        if (f.has('xx')) continue;
        z.set(member, score, limits);
        added++;
      } else {
        if (f.has('nx')) continue;
        if (incr) score += cur;
        if (Number.isNaN(score)) {
          nanError = true;
          break;
        }
        if ((f.has('lt') && score >= cur) || (f.has('gt') && score <= cur)) continue;
        if (z.set(member, score, limits) === 'updated') updated++;
      }
      processed++;
      last = score;
    }
  }
  if (added + updated > 0) db.changed(key, EventClass.zset, incr ? 'zincr' : 'zadd', added + updated);
  if (nanError) throw new RedisError(NAN_ERROR);
  if (incr) return processed > 0 ? reply.double(last) : null;
  return f.has('ch') ? added + updated : added;
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
