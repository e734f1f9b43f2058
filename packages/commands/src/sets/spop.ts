// SPOP: one random member (a bulk), or `count` of them (a set reply). Taking nearly all of a
// set rebuilds it from the members that stay, as Redis does — so its encoding can go back to
// intset when only integers remain. Propagated as SREM of each member taken, or DEL when the
// count took the whole set.

import { type Random, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { type Entry, EventClass, SetValue, type SetLimits } from '@cinnabar/storage';
import { positiveLongArg } from '../lists/list-args.js';
import { propagateAs } from '../propagate.js';
import { lookupSets, union } from './set-algebra.js';
import { removeIfEmpty, writeEntry } from './set-lookup.js';

/** Redis's SPOP_MOVE_STRATEGY_MUL: rebuild once the members that stay are this few. */
const MOVE_STRATEGY_MUL = 5;

function popMany(e: Entry, count: number, random: Random, limits: SetLimits): string[] {
  const s = e.value as SetValue;
  const remaining = s.size - count;
  if (remaining * MOVE_STRATEGY_MUL > count) {
    return Array.from({ length: count }, () => {
      const m = s.random(random);
      s.delete(m);
      return m;
    });
  }
  let kept: SetValue | undefined;
  for (let i = 0; i < remaining; i++) {
    const m = s.random(random);
    kept ??= SetValue.forMember(m);
    kept.add(m, limits);
    s.delete(m);
  }
  e.value = kept as SetValue;
  return s.members();
}

function spopCount(c: ClientSession, key: string, arg: string): Reply {
  const { db, server } = c;
  const count = positiveLongArg(arg);
  const e = writeEntry(db, key);
  if (e === undefined || count === 0) return reply.set([]);
  const size = (e.value as SetValue).size;
  db.changed(key, EventClass.set, 'spop', Math.min(count, size));
  if (count < size) {
    const popped = popMany(e, count, server.random, server.keyspace.limits);
    for (const m of popped) server.propagation.also(db.id, ['SREM', key, m]);
    server.propagation.prevent();
    return reply.set(popped);
  }
  const all = union(lookupSets(db, [key]), server.keyspace.limits).members(); // Redis answers through SUNION
  db.remove(e);
  db.notify(key, EventClass.generic, 'del');
  propagateAs(c, ['DEL', key]);
  return reply.set(all);
}

export const spop = defineCommand({
  name: 'spop', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Remove and return one or multiple random members from a set', since: '1.0.0', group: 'set', complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.' },
  run: (c, argv) => {
    const key = argv[1] as string;
    if (argv.length === 3) return spopCount(c, key, argv[2] as string);
    if (argv.length > 3) throw new SyntaxError();
    const e = writeEntry(c.db, key);
    if (e === undefined) return null;
    const s = e.value as SetValue;
    const m = s.random(c.server.random);
    s.delete(m);
    c.db.changed(key, EventClass.set, 'spop');
    propagateAs(c, ['SREM', key, m]);
    if (removeIfEmpty(c.db, e)) c.db.notify(key, EventClass.generic, 'del');
    return m;
  },
});
