// Correctly rounded sin, cos and asin for the geo distance. V8's Math.sin/cos/asin (fdlibm)
// miss the nearest double in a few percent of cases, where glibc (which Redis calls) almost
// never does; evaluating in double-double and rounding once makes the stored STOREDIST
// scores agree with Redis to the last bit in all but the rarest cases.

const SPLITTER = 134217729; // 2^27 + 1

/** Exact a*b as hi + lo (Dekker). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  return twoSum(s, e + al + bl);
}

/** (h, l) / d for a small exact integer d, to double-double accuracy. */
function ddDivInt(h: number, l: number, d: number): [number, number] {
  const qh = h / d;
  const [p, e] = twoProd(qh, d);
  const ql = (h - p - e + l) / d;
  return twoSum(qh, ql);
}

function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  return twoSum(p, e + ah * bl + al * bh);
}

// π/2 in three parts (53 + 53 + 53 bits).
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;

/** sin (cos when `cosine`) of x as a double-double, for |x| up to a few thousand. */
function sinCosDD(x: number, cosine: boolean): [number, number] {
  const k = Math.round(x / PIO2_1);
  // r = x - k·π/2, exactly enough: k·PIO2_1 is exact for small k and the parts carry the rest.
  let [rh, rl] = twoSum(x, -k * PIO2_1);
  [rh, rl] = ddAdd(rh, rl, -k * PIO2_2, 0);
  [rh, rl] = ddAdd(rh, rl, -k * PIO2_3, 0);
  const q = (((k % 4) + 4) % 4 + (cosine ? 1 : 0)) % 4;
  // sin(r + qπ/2): q 0 → sin r, 1 → cos r, 2 → −sin r, 3 → −cos r.
  const [h, l] = q % 2 === 0 ? taylorSin(rh, rl) : taylorCos(rh, rl);
  return q >= 2 ? [-h, -l] : [h, l];
}

// After reduction |r| <= pi/4: the leading terms are summed in double-double and the terms
// from r^9 (sin) or r^8 (cos) on (through r^23), below 2^-20 of the result, in plain double.
function taylorSin(rh: number, rl: number): [number, number] {
  const [r2h, r2l] = ddMul(rh, rl, rh, rl);
  let [th, tl] = ddDivInt(...ddMul(rh, rl, r2h, r2l), -6);
  let [sh, sl] = ddAdd(rh, rl, th, tl);
  [th, tl] = ddDivInt(...ddMul(th, tl, r2h, r2l), -20);
  [sh, sl] = ddAdd(sh, sl, th, tl);
  [th, tl] = ddDivInt(...ddMul(th, tl, r2h, r2l), -42);
  [sh, sl] = ddAdd(sh, sl, th, tl);
  const x2 = r2h;
  const tail = ((th * x2) / -72) * tailSeries(x2, [110, 156, 210, 272, 342, 420, 506]);
  return twoSum(sh, sl + tail);
}

function taylorCos(rh: number, rl: number): [number, number] {
  const [r2h, r2l] = ddMul(rh, rl, rh, rl);
  let th = -r2h / 2;
  let tl = -r2l / 2;
  let [sh, sl] = ddAdd(1, 0, th, tl);
  [th, tl] = ddDivInt(...ddMul(th, tl, r2h, r2l), -12);
  [sh, sl] = ddAdd(sh, sl, th, tl);
  [th, tl] = ddDivInt(...ddMul(th, tl, r2h, r2l), -30);
  [sh, sl] = ddAdd(sh, sl, th, tl);
  const x2 = r2h;
  const tail = ((th * x2) / -56) * tailSeries(x2, [90, 132, 182, 240, 306, 380, 462]);
  return twoSum(sh, sl + tail);
}

/** 1 - x2/d0 (1 - x2/d1 (1 - ...)): the alternating series after the first tail term. */
function tailSeries(x2: number, d: readonly number[]): number {
  let acc = 1;
  for (let i = d.length - 1; i >= 0; i--) acc = 1 - (x2 / (d[i] as number)) * acc;
  return acc;
}

export function crSin(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > 1e5) return Math.sin(x);
  if (Math.abs(x) < 1e-8) return Math.sin(x);
  const [h, l] = sinCosDD(x, false);
  return h + l;
}

export function crCos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > 1e5) return Math.cos(x);
  const [h, l] = sinCosDD(x, true);
  return h + l;
}

/** asin by one Newton step in double-double from Math.asin, then one rounding. */
export function crAsin(y: number): number {
  const t0 = Math.asin(y);
  if (!Number.isFinite(t0) || Math.abs(y) < 1e-8 || Math.abs(y) === 1) return t0;
  const [sh, sl] = sinCosDD(t0, false);
  const [dh, dl] = ddAdd(y, 0, -sh, -sl);
  const delta = (dh + dl) / Math.cos(t0);
  return t0 + delta;
}
