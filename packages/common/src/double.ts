// Doubles as Redis parses (strtod, whole string, no spaces, no NaN) and prints them
// (%.17g for replies, %.17Lf-and-trim for INCRBYFLOAT results).

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

/** Parse a float the way Redis's string2d/string2ld do; null if invalid. */
export function parseDouble(s: string): number | null {
  if (s.length === 0 || s.length > 5120) return null;
  if (DECIMAL.test(s)) return Number(s);
  const m = INFINITY.exec(s);
  if (m) return m[1] === '-' ? -Infinity : Infinity;
  return null;
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
  const exp = Math.floor(Math.log10(Math.abs(d)));
  let e = exp;
  // toExponential gives the correctly rounded mantissa and the real exponent.
  const [mant, ex] = d.toExponential(precision - 1).split('e') as [string, string];
  e = Number(ex);
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

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * INCRBYFLOAT: Redis adds in long double and prints %.17Lf with trailing zeros trimmed.
 * Exact decimal addition reproduces that for every operand written in plain decimal;
 * other operands (exponents, huge magnitudes) fall back to binary doubles.
 */
export function addDecimalStrings(a: string, b: string): { value: number; text: string } | null {
  const x = parseDouble(a);
  const y = parseDouble(b);
  if (x === null || y === null) return null;
  const sum = x + y;
  if (!Number.isFinite(sum)) return { value: sum, text: formatDouble(sum) };
  const pa = PLAIN_DECIMAL.exec(a);
  const pb = PLAIN_DECIMAL.exec(b);
  if (pa && pb && a.length < 60 && b.length < 60) {
    const fa = pa[3] ?? '';
    const fb = pb[3] ?? '';
    const scale = Math.max(fa.length, fb.length);
    const ia = BigInt((pa[1] === '-' ? '-' : '') + ((pa[2] ?? '') + fa.padEnd(scale, '0') || '0'));
    const ib = BigInt((pb[1] === '-' ? '-' : '') + ((pb[2] ?? '') + fb.padEnd(scale, '0') || '0'));
    return { value: sum, text: formatScaled(ia + ib, scale) };
  }
  return { value: sum, text: formatFixed17(sum) };
}

function formatScaled(v: bigint, scale: number): string {
  const negative = v < 0n;
  let digits = (negative ? -v : v).toString();
  if (scale > 17) {
    // round half away from zero to 17 fractional digits, as printf does for exact ties
    const drop = scale - 17;
    const div = 10n ** BigInt(drop);
    let q = BigInt(digits) / div;
    const r = BigInt(digits) % div;
    if (r * 2n >= div) q += 1n;
    digits = q.toString();
    scale = 17;
  }
  digits = digits.padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/** %.17f then trimmed, for values that did not come from plain decimals. */
export function formatFixed17(d: number): string {
  if (!Number.isFinite(d)) return formatDouble(d);
  if (Math.abs(d) < 1e21) {
    const s = d.toFixed(17);
    return trimZeros(s) === '-0' ? '0' : trimZeros(s);
  }
  return BigInt(Math.trunc(d)).toString();
}
