import { SyntaxError, WrongTypeError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, geoScore, ZSetValue } from '@cinnabar/storage';
import { propagateAs } from '../propagate.js';
import { lonLatArg } from './geo-args.js';

export const geoadd = defineCommand({
  name: 'geoadd', arity: -5, flags: ['write', 'denyoom'], acl: ['@write', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: {
    summary: 'Add one or more geospatial items in the geospatial index represented using a sorted set', since: '3.2.0', group: 'geo',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
  },
  run: (c, argv) => {
    const { db, server } = c;
    const key = argv[1] as string;
    let nx = false;
    let xx = false;
    let ch = false;
    let at = 2;
    for (; at < argv.length; at++) {
      const t = (argv[at] as string).toLowerCase();
      if (t === 'nx') nx = true;
      else if (t === 'xx') xx = true;
      else if (t === 'ch') ch = true;
      else break;
    }
    // Like Redis (which hands the converted pairs to ZADD): no pairs left is ZADD's syntax error.
    if ((argv.length - at) % 3 !== 0 || (nx && xx) || at === argv.length) throw new SyntaxError();
    const pairs: [string, number][] = [];
    for (let j = at; j < argv.length; j += 3) {
      const [x, y] = lonLatArg(argv, j);
      pairs.push([argv[j + 2] as string, geoScore(x, y)]);
    }
    // Propagated as the ZADD it amounts to (lower-case, as Redis builds it): options, then score member pairs.
    propagateAs(c, ['zadd', ...argv.slice(1, at), ...pairs.flatMap(([m, score]) => [String(score), m])]);
    let e = db.lookup(key);
    if (e !== undefined && !(e.value instanceof ZSetValue)) throw new WrongTypeError();
    if (e === undefined) {
      if (xx) return 0;
      e = db.add(key, new ZSetValue());
    }
    const z = e.value as ZSetValue;
    let added = 0;
    let updated = 0;
    for (const [member, score] of pairs) {
      const cur = z.score(member);
      if (cur === undefined ? xx : nx) continue;
      const r = z.set(member, score, server.keyspace.limits);
      if (r === 'added') added++;
      else if (r === 'updated') updated++;
    }
    if (added + updated > 0) db.changed(key, EventClass.zset, 'zadd', added + updated);
    return ch ? added + updated : added;
  },
});
