// Argument parsing and reply shapes shared by the GEO commands, with Redis 7.0's exact texts:
// coordinate pairs, units, radius and box sizes, "%.4f"-style distances and "%.17Lf" coordinates.

import { NotFloatError, parseDouble, RedisError, WrongTypeError, formatFixed17 } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { type Database, GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN, ZSetValue } from '@cinnabar/storage';

/** The sorted set behind a geo read (hits and misses counted); undefined when the key is absent. */
export function readGeoSet(db: Database, key: string): ZSetValue | undefined {
  const e = db.lookupRead(key);
  if (e === undefined) return undefined;
  if (!(e.value instanceof ZSetValue)) throw new WrongTypeError();
  return e.value;
}

function doubleArg(s: string, error?: string): number {
  const v = parseDouble(s);
  if (v === null) throw error === undefined ? new NotFloatError() : new RedisError(`ERR ${error}`);
  return v;
}

/** extractLongLatOrReply: two floats at argv[at], inside the WGS84 limits. */
export function lonLatArg(argv: readonly string[], at: number): [number, number] {
  const x = doubleArg(argv[at] as string);
  const y = doubleArg(argv[at + 1] as string);
  if (x < GEO_LONG_MIN || x > GEO_LONG_MAX || y < GEO_LAT_MIN || y > GEO_LAT_MAX) {
    throw new RedisError(`ERR invalid longitude,latitude pair ${printfF6(x)},${printfF6(y)}`);
  }
  return [x, y];
}

/** Metres per unit, or Redis's error for an unknown unit. */
export function unitArg(s: string): number {
  switch (s.toLowerCase()) {
    case 'm': return 1;
    case 'km': return 1000;
    case 'ft': return 0.3048;
    case 'mi': return 1609.34;
    default: throw new RedisError('ERR unsupported unit provided. please use M, KM, FT, MI');
  }
}

/** extractDistanceOrReply: `radius unit` at argv[at]. */
export function radiusArg(argv: readonly string[], at: number): { radius: number; conversion: number } {
  const radius = doubleArg(argv[at] as string, 'need numeric radius');
  if (radius < 0) throw new RedisError('ERR radius cannot be negative');
  return { radius, conversion: unitArg(argv[at + 1] as string) };
}

/** extractBoxOrReply: `width height unit` at argv[at]. */
export function boxArg(argv: readonly string[], at: number): { width: number; height: number; conversion: number } {
  const width = doubleArg(argv[at] as string, 'need numeric width');
  const height = doubleArg(argv[at + 1] as string, 'need numeric height');
  if (height < 0 || width < 0) throw new RedisError('ERR height or width cannot be negative');
  return { width, height, conversion: unitArg(argv[at + 2] as string) };
}

/** addReplyDoubleDistance: llrint(d * 10^4) printed with four decimals, as a bulk string. */
export function distanceReply(d: number): string {
  if (d === 0) return '0.0000';
  const scaled = roundHalfEven(d * 10000);
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(5, '0');
  return (neg ? '-' : '') + digits.slice(0, -4) + '.' + digits.slice(-4);
}

/** addReplyHumanLongDouble: "%.17Lf" trimmed, a bulk string in RESP2 and a double in RESP3. */
export function coordReply(d: number): Reply {
  // Redis prints coordinates with "%.17Lf" (trailing zeros trimmed) in both protocols.
  return reply.double(d, formatFixed17(d));
}

function roundHalfEven(x: number): bigint {
  if (!Number.isFinite(x)) return 0n;
  const f = Math.floor(x);
  const diff = x - f;
  let r = f;
  if (diff > 0.5 || (diff === 0.5 && f % 2 !== 0)) r = f + 1;
  return BigInt(r);
}

/** printf("%f"): six decimals, rounded half-even on the exact binary value as glibc does. */
export function printfF6(x: number): string {
  if (Number.isNaN(x)) return x < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  // a = m * 2^e exactly, m an integer.
  let e = 0;
  while (!Number.isInteger(a)) {
    a *= 2;
    e--;
  }
  const m = BigInt(a);
  const num = m * 1000000n;
  let q: bigint;
  if (e >= 0) q = num << BigInt(e);
  else {
    const den = 1n << BigInt(-e);
    q = num / den;
    const rem = (num % den) * 2n;
    if (rem > den || (rem === den && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(7, '0');
  return (neg ? '-' : '') + digits.slice(0, -6) + '.' + digits.slice(-6);
}
