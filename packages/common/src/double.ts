// Doubles as Redis parses (strtod/strtold over the whole string) and prints them (%.17g for
// replies). INCRBYFLOAT runs on x87 80-bit long doubles, emulated exactly here with bigints:
// correctly rounded parsing, one rounded addition, and exact %.17Lf printing.

import { NotFloatError, RedisError } from './errors.js';

/** A finite binary float: (-1)^neg × m × 2^e, or an infinity. */
interface BinaryFloat {
  neg: boolean;
  m: bigint;
  e: number;
  inf: boolean;
}

/** Precision and exponent range of a binary format: normal m in [2^(bits-1), 2^bits). */
interface Format {
  bits: number;
  /** Smallest e (denormals keep this e with a shorter m). */
  emin: number;
  /** Largest e of a finite value. */
  emax: number;
  /** Decimal magnitudes beyond which a non-zero input surely overflows or underflows. */
  maxDecimalExp: number;
  minDecimalExp: number;
}

const DOUBLE: Format = { bits: 53, emin: -1074, emax: 971, maxDecimalExp: 310, minDecimalExp: -326 };
const LONG_DOUBLE: Format = { bits: 64, emin: -16445, emax: 16320, maxDecimalExp: 4934, minDecimalExp: -4953 };

/** strtold refuses nothing by length, but Redis copies into a 5 KiB buffer first. */
const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

function bitLength(x: bigint): number {
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0] as string, 16)));
}

/** num/den (both > 0) rounded to nearest-even in format f; overflow gives an infinity. */
function roundRational(neg: boolean, num: bigint, den: bigint, f: Format): BinaryFloat {
  let k = f.bits - (bitLength(num) - bitLength(den));
  if (k > -f.emin) k = -f.emin; // denormal: fewer mantissa bits
  const scaled = (n: number): [bigint, bigint] => (n >= 0 ? [num << BigInt(n), den] : [num, den << BigInt(-n)]);
  let [a, b] = scaled(k);
  let q = a / b;
  if (q >= 1n << BigInt(f.bits)) {
    k--;
    [a, b] = scaled(k);
    q = a / b;
  }
  const twiceRem = (a - q * b) * 2n;
  if (twiceRem > b || (twiceRem === b && (q & 1n) === 1n)) q++;
  let e = -k;
  if (q === 1n << BigInt(f.bits)) {
    q >>= 1n;
    e++;
  }
  if (e > f.emax) return { neg, m: 0n, e: 0, inf: true };
  return { neg, m: q, e, inf: false };
}

function fromInteger(neg: boolean, n: bigint, exp2: number, f: Format): BinaryFloat {
  if (n === 0n) return { neg, m: 0n, e: 0, inf: false };
  return exp2 >= 0 ? roundRational(neg, n << BigInt(exp2), 1n, f) : roundRational(neg, n, 1n << BigInt(-exp2), f);
}

/**
 * strtod/strtold over the whole string, with Redis's refusals: nothing before or after the
 * number, no NaN, no overflow to infinity, no non-zero input that underflows to zero.
 */
function parseBinary(s: string, f: Format): BinaryFloat | null {
  const inf = INFINITY.exec(s);
  if (inf) return { neg: inf[1] === '-', m: 0n, e: 0, inf: true };
  let neg: boolean;
  let parsed: BinaryFloat;
  const dec = DECIMAL.exec(s);
  if (dec) {
    const [, sign, int = '', frac = '', exp] = dec;
    if (int.length + frac.length === 0) return null;
    neg = sign === '-';
    const digits = (int + frac).replace(/^0+/, '');
    if (digits.length === 0) return { neg, m: 0n, e: 0, inf: false };
    const p = (exp === undefined ? 0 : clampExp(exp)) - frac.length;
    const magnitude = digits.length + p;
    if (magnitude > f.maxDecimalExp) return null;
    if (magnitude < f.minDecimalExp) return null;
    const d = BigInt(digits);
    parsed = p >= 0 ? roundRational(neg, d * 10n ** BigInt(p), 1n, f) : roundRational(neg, d, 10n ** BigInt(-p), f);
  } else {
    const hex = HEX.exec(s);
    if (!hex) return null;
    const [, sign, int = '', frac = '', exp] = hex;
    if (int.length + frac.length === 0) return null;
    neg = sign === '-';
    const digits = (int + frac).replace(/^0+/, '');
    if (digits.length === 0) return { neg, m: 0n, e: 0, inf: false };
    const p = (exp === undefined ? 0 : clampExp(exp)) - 4 * frac.length;
    const log2 = digits.length * 4 + p;
    if (log2 > f.emax + f.bits + 8 || log2 < f.emin - 8) return null;
    parsed = fromInteger(neg, BigInt('0x' + digits), p, f);
  }
  if (parsed.inf || parsed.m === 0n) return null;
  return parsed;
}

/** An exponent text, clamped so absurd exponents still mean overflow or underflow. */
function clampExp(text: string): number {
  const n = Number(text);
  return Math.max(-1e6, Math.min(1e6, n));
}

function toNumber(v: BinaryFloat): number {
  if (v.inf) return v.neg ? -Infinity : Infinity;
  const mag = Number(v.m) * 2 ** v.e;
  return v.neg ? -mag : mag;
}

/** A sign and up to 15 digits (scores, weights, increments): exact as a double, no regex. */
function smallInteger(s: string): number | null {
  const n = s.length;
  const c0 = s.charCodeAt(0);
  let i = c0 === 45 /* - */ || c0 === 43 /* + */ ? 1 : 0;
  if (n === i || n - i > 15) return null;
  let v = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return c0 === 45 ? -v : v;
}

/** Parse a float the way Redis's string2d does (strtod, whole string); null if invalid. */
export function parseDouble(s: string): number | null {
  const quick = smallInteger(s);
  if (quick !== null) return quick;
  const m = DECIMAL.exec(s);
  if (m) {
    // Plain decimals need no bigint: Number() rounds exactly as strtod does.
    const digits = (m[2] ?? '') + (m[3] ?? '');
    if (digits.length === 0) return null;
    const v = Number(s);
    if (v === Infinity || v === -Infinity) return null; // ERANGE overflow
    if (v === 0 && /[1-9]/.test(digits)) return null; // ERANGE underflow to zero
    return v;
  }
  const v = parseBinary(s, DOUBLE);
  return v === null ? null : toNumber(v);
}

/** printf("%.17g", d) with Redis's inf spelling. */
export function formatDouble(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  return formatG(d, 17);
}

/** C's %.<precision>g. */
export function formatG(d: number, precision: number): string {
  // toExponential gives the correctly rounded mantissa and the real exponent.
  const [mant, ex] = d.toExponential(precision - 1).split('e') as [string, string];
  const e = Number(ex);
  if (e < -4 || e >= precision) {
    const m = trimZeros(mant);
    const sign = e < 0 ? '-' : '+';
    const abs = Math.abs(e);
    return `${m}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  return trimZeros(d.toFixed(Math.max(0, precision - 1 - e)));
}

function trimZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** Exact printf("%.17f") of a finite binary float (ties to even), trailing zeros trimmed, no "-0". */
function formatFixed17Exact(v: BinaryFloat): string {
  let digits: string;
  if (v.e >= 0) digits = ((v.m << BigInt(v.e)) * 10n ** 17n).toString();
  else {
    const shift = BigInt(-v.e);
    const n = v.m * 10n ** 17n;
    let q = n >> shift;
    const rem = n - (q << shift);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    digits = q.toString();
  }
  digits = digits.padStart(18, '0');
  const body = trimZeros(`${digits.slice(0, -17)}.${digits.slice(-17)}`);
  return v.neg && body !== '0' ? `-${body}` : body;
}

/**
 * INCRBYFLOAT's arithmetic: both operands parsed as long doubles (strtold), added with one
 * rounding, printed "%.17Lf" with trailing zeros trimmed and "-0" as "0".
 * Throws Redis's errors for an invalid operand or a NaN/infinite result.
 */
export function addDecimalStrings(a: string, b: string): string {
  const x = parseLongDouble(a);
  const y = x === null ? null : parseLongDouble(b);
  if (x === null || y === null) throw new NotFloatError();
  const sum = addBinary(x, y);
  if (sum === null || sum.inf) throw new RedisError('ERR increment would produce NaN or Infinity');
  return formatFixed17Exact(sum);
}

function parseLongDouble(s: string): BinaryFloat | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  return parseBinary(s, LONG_DOUBLE);
}

/** C's (long long) on x86: the "integer indefinite" LLONG_MIN for an infinity or anything beyond ±2^63. */
const LLONG_MIN = -(2 ** 63);

/**
 * A seconds timeout as Redis turns it into milliseconds: `(long long) ceill(strtold(s) * 1000)`
 * on x87 long doubles, exactly. Doubles would disagree at the edges Redis users can see:
 * "-0.001" is -0.99999999999999999995 ms there, which ceills to 0 (block forever), and
 * "inf" or 1e20 convert to LLONG_MIN (a negative timeout). Null when strtold refuses s.
 */
export function longDoubleSecondsToMillis(s: string): number | null {
  const x = parseLongDouble(s);
  if (x === null || x.inf) return x === null ? null : LLONG_MIN;
  if (x.m === 0n) return 0;
  const p = fromInteger(x.neg, x.m * 1000n, x.e, LONG_DOUBLE);
  if (p.inf) return LLONG_MIN;
  let mag: bigint;
  if (p.e >= 0) mag = p.m << BigInt(p.e);
  else {
    const shift = BigInt(-p.e);
    mag = p.m >> shift;
    // ceil rounds a positive fraction up and a negative one towards zero.
    if (!p.neg && mag << shift !== p.m) mag++;
  }
  if (mag >= 1n << 63n) return LLONG_MIN;
  return Number(p.neg ? -mag : mag);
}

/** x + y rounded to a long double; null for NaN (inf - inf). */
function addBinary(x: BinaryFloat, y: BinaryFloat): BinaryFloat | null {
  if (x.inf || y.inf) {
    if (x.inf && y.inf && x.neg !== y.neg) return null;
    return x.inf ? x : y;
  }
  const e = Math.min(x.e, y.e);
  const sx = (x.m << BigInt(x.e - e)) * (x.neg ? -1n : 1n);
  const sy = (y.m << BigInt(y.e - e)) * (y.neg ? -1n : 1n);
  const sum = sx + sy;
  // An exact zero is +0 unless both operands were -0 (round to nearest).
  if (sum === 0n) return { neg: x.neg && y.neg, m: 0n, e: 0, inf: false };
  return fromInteger(sum < 0n, sum < 0n ? -sum : sum, e, LONG_DOUBLE);
}

/** Exact printf("%.17f") of a double with trailing zeros trimmed (and no "-0"). */
export function formatFixed17(d: number): string {
  if (!Number.isFinite(d)) return formatDouble(d);
  const v = doubleToBinary(d);
  return formatFixed17Exact(v);
}

function doubleToBinary(d: number): BinaryFloat {
  const neg = d < 0 || Object.is(d, -0);
  let a = Math.abs(d);
  if (a === 0) return { neg, m: 0n, e: 0, inf: false };
  let e = 0;
  // Scale into [2^52, 2^53) exactly; every step is a power of two, so no rounding happens.
  while (a >= 2 ** 53) {
    a /= 2;
    e++;
  }
  while (a < 2 ** 52 && e > DOUBLE.emin) {
    a *= 2;
    e--;
  }
  return { neg, m: BigInt(a), e, inf: false };
}
