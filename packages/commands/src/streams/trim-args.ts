// XADD's and XTRIM's shared options (MAXLEN/MINID with = or ~, LIMIT, and for XADD NOMKSTREAM
// and the ID), parsed as Redis's streamParseAddOrTrimArgsOrReply does, errors included.

import { RedisError, SyntaxError } from '@cinnabar/common';
import { formatId, MAX_ID, parseStreamId, type StreamId, type StreamValue, type TrimArgs } from '@cinnabar/storage';
import { boundArg, INVALID_ID } from './stream-ops.js';

export interface AddOrTrim {
  trim: TrimArgs | null;
  noMkStream: boolean;
  /** XADD: the explicit ID, absent for `*`. */
  id?: StreamId;
  seqGiven: boolean;
  /** Index of the ID argument (XADD) or argv.length. */
  idPos: number;
  /** Index of the MAXLEN/MINID value argument (0 without a trim). */
  trimArgAt: number;
}

/** Only XADD's own ID may be `ms-*`; MINID takes a complete (or bare-ms) ID, as in Redis. */
function strictId(text: string, allowSeqStar: boolean): { id: StreamId; seqGiven: boolean } {
  const p = parseStreamId(text, 0n, true, allowSeqStar);
  if (p === null) throw new RedisError(INVALID_ID);
  return p;
}

/**
 * `obey` is Redis's mustObeyClient (the AOF loader, a primary): the trim was already made
 * exact when propagated, so LIMIT is ignored rather than checked.
 */
export function parseAddOrTrim(argv: readonly string[], xadd: boolean, nodeMaxEntries: number, obey = false): AddOrTrim {
  const out: AddOrTrim = { trim: null, noMkStream: false, seqGiven: true, idPos: argv.length, trimArgAt: 0 };
  let limit = 0;
  let limitGiven = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = (argv[i] as string).toUpperCase();
    if (xadd && opt === '*') break;
    if ((opt === 'MAXLEN' || opt === 'MINID') && more > 0) {
      if (out.trim !== null) throw new RedisError('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
      let approx = false;
      const next = argv[i + 1];
      if (more >= 2 && (next === '~' || next === '=')) {
        approx = next === '~';
        i++;
      }
      const arg = argv[i + 1] as string;
      out.trimArgAt = i + 1;
      if (opt === 'MAXLEN') {
        const maxlen = boundArg(arg);
        if (maxlen < 0) throw new RedisError('ERR The MAXLEN argument must be >= 0.');
        out.trim = { strategy: 'maxlen', maxlen, approx, limit: 0 };
      } else {
        out.trim = { strategy: 'minid', minid: strictId(arg, false).id, approx, limit: 0 };
      }
      i++;
    } else if (opt === 'LIMIT' && more > 0) {
      limit = boundArg(argv[i + 1] as string);
      if (limit < 0) throw new RedisError('ERR The LIMIT argument must be >= 0.');
      limitGiven = true;
      i++;
    } else if (xadd && opt === 'NOMKSTREAM') {
      out.noMkStream = true;
    } else if (xadd) {
      const p = strictId(argv[i] as string, true);
      out.id = p.id;
      out.seqGiven = p.seqGiven;
      break;
    } else {
      throw new SyntaxError();
    }
  }
  out.idPos = i;
  if (limit !== 0 && out.trim === null) throw new RedisError('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
  if (!xadd && out.trim === null) throw new RedisError('ERR syntax error, XTRIM must be called with a trimming strategy');
  if (obey) {
    if (out.trim !== null) out.trim.limit = 0;
    return out;
  }
  if (limitGiven && out.trim?.approx !== true) throw new RedisError('ERR syntax error, LIMIT cannot be used without the special ~ option');
  if (out.trim !== null) {
    if (limitGiven) {
      if (!out.trim.approx) throw new RedisError('ERR syntax error, LIMIT cannot be used without the special ~ option');
      out.trim.limit = limit;
    } else if (out.trim.approx) {
      out.trim.limit = Math.min(1000000, 100 * nodeMaxEntries <= 0 ? 10000 : 100 * nodeMaxEntries);
    }
  }
  return out;
}

/**
 * What an approximate (`~`) trim propagates as: `=` and the exact outcome — the stream's length
 * for MAXLEN, its first ID for MINID — so replicas and the AOF trim exactly as we did.
 */
export function exactTrimArgv(argv: readonly string[], a: AddOrTrim, s: StreamValue): string[] {
  const out = [...argv];
  if (a.trim?.approx !== true) return out;
  out[a.trimArgAt - 1] = '=';
  out[a.trimArgAt] = a.trim.strategy === 'maxlen' ? String(s.length) : formatId(s.edge(false)?.id ?? MAX_ID);
  return out;
}
