// The ZRANGE family's core, shared by ZRANGE, ZRANGESTORE and the older Z[REV]RANGE[BYSCORE|
// BYLEX] forms: option parsing in Redis's order (each form accepts only the options it does not
// imply), then the members by rank, score or lex, forward or reversed, with LIMIT.

import { errors, RedisError } from '@cinnabar/common';
import type { ClientSession } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import type { LexRange, ScoreRange, ZSetValue } from '@cinnabar/storage';
import { longArg } from '../lists/list-args.js';
import { lexRangeArgs, scoreRangeArgs, withScores } from './zset-args.js';
import { readZSet } from './zset-lookup.js';

export type RangeKind = 'rank' | 'score' | 'lex';

export interface RangeRequest {
  kind: RangeKind;
  rev: boolean;
  withScores: boolean;
  start: number;
  end: number;
  offset: number;
  /** -1: no limit. */
  limit: number;
  score: ScoreRange | null;
  lex: LexRange | null;
}

/**
 * Parse from the source key at `at`: key min max [BYSCORE|BYLEX] [REV] [WITHSCORES]
 * [LIMIT offset count]. `kind`/`rev` undefined mean the command lets the options choose.
 */
export function parseRange(argv: readonly string[], at: number, store: boolean, kind?: RangeKind, rev?: boolean): RangeRequest {
  let k = kind;
  let r = rev;
  let scores = false;
  let offset = 0;
  let limit = -1;
  for (let j = at + 3; j < argv.length; j++) {
    const t = (argv[j] as string).toLowerCase();
    if (!store && t === 'withscores') scores = true;
    else if (t === 'limit' && argv.length - j - 1 >= 2) {
      offset = longArg(argv[j + 1] as string);
      limit = longArg(argv[j + 2] as string);
      j += 2;
    } else if (r === undefined && t === 'rev') r = true;
    else if (k === undefined && t === 'bylex') k = 'lex';
    else if (k === undefined && t === 'byscore') k = 'score';
    else throw errors.syntax();
  }
  const req: RangeRequest = {
    kind: k ?? 'rank', rev: r ?? false, withScores: scores, start: 0, end: 0, offset, limit, score: null, lex: null,
  };
  if (limit !== -1 && req.kind === 'rank') throw new RedisError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  if (scores && req.kind === 'lex') throw new RedisError('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  let min = argv[at + 1] as string;
  let max = argv[at + 2] as string;
  if (req.rev && req.kind !== 'rank') [min, max] = [max, min];
  if (req.kind === 'rank') {
    req.start = longArg(min);
    req.end = longArg(max);
  } else if (req.kind === 'score') req.score = scoreRangeArgs(min, max);
  else req.lex = lexRangeArgs(min, max);
  return req;
}

/** The selected members with their scores, in reply order. */
export function collectRange(z: ZSetValue, req: RangeRequest): [string, number][] {
  const out: [string, number][] = [];
  const push = (m: string, s: number): void => {
    out.push([m, s]);
  };
  const n = z.length;
  if (req.kind === 'rank') {
    let { start, end } = req;
    if (start < 0) start += n;
    if (end < 0) end += n;
    if (start < 0) start = 0;
    if (start > end || start >= n) return out;
    if (end >= n) end = n - 1;
    if (req.rev) z.walk(n - 1 - end, n - 1 - start, true, push);
    else z.walk(start, end, false, push);
    return out;
  }
  if (req.kind === 'lex') {
    // Not a span: with unequal scores a listpack walk need not cover a rank interval.
    z.lexWalk(req.lex as LexRange, req.rev, req.offset, req.limit, push);
    return out;
  }
  const [a, b] = z.scoreSpan(req.score as ScoreRange);
  if (a > b || req.offset < 0) return out;
  let count = b - a + 1 - req.offset;
  if (count <= 0 || req.limit === 0) return out;
  if (req.limit > 0) count = Math.min(count, req.limit);
  if (req.rev) z.walk(b - req.offset - count + 1, b - req.offset, true, push);
  else z.walk(a + req.offset, a + req.offset + count - 1, false, push);
  return out;
}

/** A read-only range command: parse, look up, reply members (and scores when asked). */
export function rangeReply({ db, resp }: ClientSession, argv: readonly string[], kind?: RangeKind, rev?: boolean): Reply {
  const req = parseRange(argv, 1, false, kind, rev);
  const z = readZSet(db, argv[1] as string);
  if (z === undefined) return [];
  const pairs = collectRange(z, req);
  return req.withScores ? withScores(pairs, resp) : pairs.map(([m]) => m);
}
