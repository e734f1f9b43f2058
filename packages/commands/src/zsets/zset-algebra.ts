// ZUNION/ZINTER/ZDIFF and their STORE and CARD forms (Redis's zunionInterDiffGenericCommand):
// numkeys, the inputs (sorted sets, or plain sets whose members score 1), WEIGHTS, AGGREGATE,
// WITHSCORES and LIMIT in the order Redis checks them, and the aggregation arithmetic
// (inf + -inf and inf × 0 give 0, not NaN).

import { errors, RedisError, WrongTypeError } from '@cinnabar/common';
import { type ClientSession, floatArg, int64Arg } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import { type Database, SetValue, type ZSetLimits, ZSetValue } from '@cinnabar/storage';
import { positiveLongArg } from '../lists/list-args.js';
import { numkeysPositions } from '../lists/lmpop.js';
import { withScores } from './zset-args.js';
import { storeZSet } from './zset-lookup.js';

export type SetOp = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input: absent (empty), a sorted set, or a plain set. */
interface Source {
  z: ZSetValue | SetValue | null;
  weight: number;
}

export interface AlgebraRequest {
  sources: Source[];
  aggregate: Aggregate;
  withScores: boolean;
  limit: number;
}

function sizeOf(s: Source): number {
  return s.z === null ? 0 : s.z instanceof ZSetValue ? s.z.length : s.z.size;
}

/** Members of an input in Redis's iteration order (a sorted set from its highest member down). */
function each(s: Source, visit: (member: string, score: number) => void): void {
  if (s.z instanceof ZSetValue) s.z.walk(0, s.z.length - 1, true, visit);
  else s.z?.forEach((m) => visit(m, 1));
}

function find(s: Source, member: string): number | undefined {
  if (s.z instanceof ZSetValue) return s.z.score(member);
  return s.z?.has(member) ? 1 : undefined;
}

function aggregate(target: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const sum = target + value;
    return Number.isNaN(sum) ? 0 : sum;
  }
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

/**
 * Parse from numkeys at `at`; `store` forbids WITHSCORES, `card` allows only LIMIT. `name` is
 * the command's name for the "at least 1 input key" error.
 */
export function parseAlgebra(db: Database, argv: readonly string[], at: number, op: SetOp, name: string, store: boolean, card: boolean): AlgebraRequest {
  const n = int64Arg(argv[at] as string);
  if (n < 1) throw new RedisError(`ERR at least 1 input key is needed for '${name}' command`);
  if (n > argv.length - (at + 1)) throw errors.syntax();
  const setnum = Number(n);
  const sources: Source[] = [];
  for (let i = 0; i < setnum; i++) {
    const v = db.lookupRead(argv[at + 1 + i] as string)?.value;
    if (v !== undefined && !(v instanceof ZSetValue) && !(v instanceof SetValue)) throw new WrongTypeError();
    sources.push({ z: v ?? null, weight: 1 });
  }
  const req: AlgebraRequest = { sources, aggregate: 'sum', withScores: false, limit: 0 };
  let j = at + 1 + setnum;
  while (j < argv.length) {
    const t = (argv[j] as string).toLowerCase();
    const remaining = argv.length - j;
    if (op !== 'diff' && !card && remaining >= setnum + 1 && t === 'weights') {
      j++;
      for (const s of sources) s.weight = floatArg(argv[j++] as string, () => new RedisError('ERR weight value is not a float'));
    } else if (op !== 'diff' && !card && remaining >= 2 && t === 'aggregate') {
      const a = (argv[j + 1] as string).toLowerCase();
      if (a !== 'sum' && a !== 'min' && a !== 'max') throw errors.syntax();
      req.aggregate = a;
      j += 2;
    } else if (!store && !card && t === 'withscores') {
      req.withScores = true;
      j++;
    } else if (card && remaining >= 2 && t === 'limit') {
      req.limit = positiveLongArg(argv[j + 1] as string, "LIMIT can't be negative");
      j += 2;
    } else throw errors.syntax();
  }
  return req;
}

/** The result as (member, score) pairs, unordered; for INTER with a limit, stops there. */
export function compute(req: AlgebraRequest, op: SetOp): Map<string, number> {
  const out = new Map<string, number>();
  const src = op === 'diff' ? req.sources : [...req.sources].sort((a, b) => sizeOf(a) - sizeOf(b));
  const first = src[0] as Source;
  if (op === 'inter') {
    each(first, (m, s) => {
      if (req.limit > 0 && out.size >= req.limit) return;
      let score = first.weight * s;
      if (Number.isNaN(score)) score = 0;
      for (let j = 1; j < src.length; j++) {
        const v = find(src[j] as Source, m);
        if (v === undefined) return;
        score = aggregate(score, v * (src[j] as Source).weight, req.aggregate);
      }
      out.set(m, score);
    });
  } else if (op === 'union') {
    for (const s of src) {
      each(s, (m, v) => {
        let score = s.weight * v;
        if (Number.isNaN(score)) score = 0;
        const cur = out.get(m);
        out.set(m, cur === undefined ? score : aggregate(cur, score, req.aggregate));
      });
    }
  } else {
    each(first, (m, s) => {
      for (let j = 1; j < src.length; j++) if (find(src[j] as Source, m) !== undefined) return;
      out.set(m, s);
    });
  }
  return out;
}

/**
 * The result as a sorted set value. Redis builds it as a skiplist, converting a stored result
 * to a listpack only when it fits (limits given), so -0 scores survive in replies and in
 * skiplist-encoded results.
 */
export function resultSet(pairs: Map<string, number>, limits?: ZSetLimits): ZSetValue {
  return ZSetValue.fromSkiplist(pairs, limits);
}

/** ZUNION/ZINTER/ZDIFF: the result in order, members only or with scores. */
export function algebraReply(c: ClientSession, argv: readonly string[], op: SetOp, name: string): Reply {
  const req = parseAlgebra(c.db, argv, 1, op, name, false, false);
  const z = resultSet(compute(req, op));
  const pairs: [string, number][] = [];
  z.walk(0, z.length - 1, false, (m, s) => {
    pairs.push([m, s]);
  });
  return req.withScores ? withScores(pairs, c.resp) : pairs.map(([m]) => m);
}

/** ZUNIONSTORE/ZINTERSTORE/ZDIFFSTORE: the result replaces the destination. */
export function algebraStore(c: ClientSession, argv: readonly string[], op: SetOp, name: string): number {
  const req = parseAlgebra(c.db, argv, 2, op, name, true, false);
  return storeZSet(c.db, argv[1] as string, resultSet(compute(req, op), c.server.keyspace.limits), name);
}

/** Keys of the store forms: the destination, then the numkeys-counted inputs. */
export function storeKeys(argv: readonly string[]): number[] {
  return [1, ...numkeysPositions(argv, 2)];
}
