// The options SET and GETEX share (Redis's parseExtendedStringArgumentsOrReply): which
// tokens each accepts and which exclude each other, then the expire value turned into ms.

import { SyntaxError } from '@cinnabar/common';
import { int64Arg, token } from '@cinnabar/command-kit';
import { absoluteExpiry } from '../keys/expiry-args.js';

export interface ExtendedArgs {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  persist: boolean;
  /** EX, PX, EXAT or PXAT with its (still unparsed) value. */
  expire: { unit: string; text: string } | null;
}

/** Parse options from argv[from]; SET accepts NX XX GET KEEPTTL, GETEX accepts PERSIST. */
export function parseExtendedArgs(argv: readonly string[], from: number, forSet: boolean): ExtendedArgs {
  const a: ExtendedArgs = { nx: false, xx: false, get: false, keepTtl: false, persist: false, expire: null };
  for (let j = from; j < argv.length; j++) {
    const t = token(argv[j]);
    const next = argv[j + 1];
    const unit = a.expire?.unit;
    if (forSet && t === 'NX' && !a.xx) a.nx = true;
    else if (forSet && t === 'XX' && !a.nx) a.xx = true;
    else if (forSet && t === 'GET') a.get = true;
    else if (forSet && t === 'KEEPTTL' && unit === undefined) a.keepTtl = true;
    else if (!forSet && t === 'PERSIST' && unit === undefined) a.persist = true;
    else if (
      (t === 'EX' || t === 'PX' || t === 'EXAT' || t === 'PXAT') &&
      (unit === undefined || unit === t) && !a.keepTtl && !a.persist && next !== undefined
    ) {
      a.expire = { unit: t, text: next };
      j++;
    } else throw new SyntaxError();
  }
  return a;
}

/** The expire value as absolute unix ms, with Redis's "not an integer" and "invalid expire time". */
export function expireAtMs(expire: { unit: string; text: string }, nowMs: number, command: string): number {
  return absoluteExpiry(expire.unit, int64Arg(expire.text), nowMs, command);
}
