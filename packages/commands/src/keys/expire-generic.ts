// EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT share this core: NX/XX/GT/LT parsed before the
// time (Redis's order and texts), the overflow checks of unit conversion and base-time
// addition, the conditional update, and a time already past deleting the key ("del").
// Propagated as PEXPIREAT with the absolute time (options kept), or DEL/UNLINK when past.

import { type Int64, RedisError } from '@cinnabar/common';
import { type ClientSession, int64Arg, token } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { propagateAs, propagateAsDeletion } from '../propagate.js';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

const LLONG_MAX = 9223372036854775807n;
/** LLONG_MAX / 1000 and LLONG_MIN / 1000 as C's truncating division gives them. */
const SECONDS_MAX = 9223372036854775n;

function parseFlags(argv: readonly string[]): number {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const t = token(argv[j]);
    if (t === 'NX') flags |= NX;
    else if (t === 'XX') flags |= XX;
    else if (t === 'GT') flags |= GT;
    else if (t === 'LT') flags |= LT;
    else throw new RedisError(`ERR Unsupported option ${argv[j] as string}`);
  }
  if (flags & NX && flags & (XX | GT | LT)) {
    throw new RedisError('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags & GT && flags & LT) throw new RedisError('ERR GT and LT options at the same time are not compatible');
  return flags;
}

/** `when` (in seconds or ms) plus `baseMs`, as absolute unix ms; throws on 64-bit overflow. */
function absoluteMs(when: Int64, seconds: boolean, baseMs: number, command: string): number {
  // The fast path stays far inside 2^53; anything larger is checked in 64-bit arithmetic.
  if (typeof when === 'number' && Math.abs(when) < 1e12) return (seconds ? when * 1000 : when) + baseMs;
  const invalid = () => new RedisError(`ERR invalid expire time in '${command}' command`);
  let w = BigInt(when);
  if (seconds) {
    if (w > SECONDS_MAX || w < -SECONDS_MAX) throw invalid();
    w *= 1000n;
  }
  if (w > LLONG_MAX - BigInt(baseMs)) throw invalid();
  return Number(w + BigInt(baseMs));
}

/**
 * Run one EXPIRE-family command. `relative` adds the current time (EXPIRE, PEXPIRE);
 * `seconds` scales the argument by 1000 (EXPIRE, EXPIREAT). Replies 1 or 0.
 */
export function expireGeneric(
  c: ClientSession, argv: readonly string[], command: string, relative: boolean, seconds: boolean,
): number {
  const flags = parseFlags(argv);
  const when = int64Arg(argv[2] as string);
  const now = c.server.clock.nowMs();
  const at = absoluteMs(when, seconds, relative ? now : 0, command);
  const db = c.db;
  const key = argv[1] as string;
  const e = db.lookup(key);
  if (e === undefined) return 0;
  if (flags !== 0) {
    const cur = db.expireAt(e);
    const current = cur === 0 ? -1 : cur;
    if (flags & NX && current !== -1) return 0;
    if (flags & XX && current === -1) return 0;
    // No TTL counts as an infinite one: GT never beats it, LT always does.
    if (flags & GT && (current === -1 || at <= current)) return 0;
    if (flags & LT && current !== -1 && at >= current) return 0;
  }
  if (at <= now && !db.keepsPastTtl()) {
    db.remove(e);
    db.changed(key, EventClass.generic, 'del');
    propagateAsDeletion(c, key, 'lazyfree-lazy-expire');
    return 1;
  }
  // Only a replica keeps a past time; 0 would read as "no TTL", so it becomes -1.
  db.setExpiry(e, at === 0 ? -1 : at);
  db.changed(key, EventClass.generic, 'expire');
  if (relative || seconds) propagateAs(c, ['PEXPIREAT', key, String(at), ...argv.slice(3)]);
  return 1;
}
