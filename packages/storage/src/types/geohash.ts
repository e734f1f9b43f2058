// Geohash arithmetic as Redis 7.0 does it (geohash.c, geohash_helper.c): 52-bit interleaved
// scores (latitude on the even bits, longitude on the odd ones), decoding to cell centres,
// neighbour cells, and haversine distances on Redis's earth radius. Pure numbers, no I/O.

import { crAsin, crCos, crSin } from './geo-trig.js';

export const GEO_STEP_MAX = 26;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

/** A cell: `bits` holds 2*step interleaved bits (exact in a double up to step 26). */
export interface GeoHashBits {
  bits: number;
  step: number;
}

export interface GeoRange {
  min: number;
  max: number;
}

export interface GeoArea {
  longitude: GeoRange;
  latitude: GeoRange;
}

export const WGS84_LONG: GeoRange = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
export const WGS84_LAT: GeoRange = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };

// Spreading 13 bits onto the even positions of 26, by table.
const SPREAD13 = new Int32Array(8192);
for (let v = 0; v < 8192; v++) {
  let s = 0;
  for (let b = 0; b < 13; b++) if (v & (1 << b)) s |= 1 << (2 * b);
  SPREAD13[v] = s;
}

/** The bits of v (< 2^26, or exactly 2^26 at a range's upper edge) on even positions. */
function spread(v: number): number {
  if (v >= 67108864) return 2 ** 52 * Math.floor(v / 67108864) + spread(v % 67108864);
  return (SPREAD13[v & 8191] as number) + (SPREAD13[v >>> 13] as number) * 67108864;
}

/** The even-position bits of an exact integer < 2^54 gathered back together. */
function gather(v: number): number {
  let out = 0;
  let scale = 1;
  // 26-bit chunks keep the bit operations within int32.
  while (v > 0) {
    const low = v % 67108864;
    v = Math.floor(v / 67108864);
    let g = 0;
    for (let b = 0; b < 13; b++) g |= ((low >>> (2 * b)) & 1) << b;
    out += g * scale;
    scale *= 8192;
  }
  return out;
}

/**
 * geohashEncode: the cell of (longitude, latitude) at `step` within the given ranges, or null
 * outside them (or outside the WGS84 limits, which Redis also checks).
 */
export function geohashEncode(lonRange: GeoRange, latRange: GeoRange, longitude: number, latitude: number, step: number): GeoHashBits | null {
  if (longitude > GEO_LONG_MAX || longitude < GEO_LONG_MIN || latitude > GEO_LAT_MAX || latitude < GEO_LAT_MIN) return null;
  if (latitude < latRange.min || latitude > latRange.max || longitude < lonRange.min || longitude > lonRange.max) return null;
  const latOffset = ((latitude - latRange.min) / (latRange.max - latRange.min)) * 2 ** step;
  const lonOffset = ((longitude - lonRange.min) / (lonRange.max - lonRange.min)) * 2 ** step;
  // uint32 truncation, then one correctly rounded sum of the two disjoint bit sets.
  return { bits: spread(Math.trunc(latOffset)) + 2 * spread(Math.trunc(lonOffset)), step };
}

/** The 52-bit score GEOADD stores for a coordinate pair already checked against the limits. */
export function geoScore(longitude: number, latitude: number): number {
  const h = geohashEncode(WGS84_LONG, WGS84_LAT, longitude, latitude, GEO_STEP_MAX);
  return h === null ? 0 : align52(h);
}

export function align52(h: GeoHashBits): number {
  return h.bits * 2 ** (52 - h.step * 2);
}

/** The (lat, lon) halves of a 64-bit hash: Redis's (uint64_t) cast of a score, as x86-64 does it. */
function splitScore(score: number): [number, number] {
  if (score >= 0 && score < 2 ** 53) {
    const v = Math.trunc(score);
    return [gather(v), gather(Math.floor(v / 2))];
  }
  let u: bigint;
  if (Number.isNaN(score) || score >= 2 ** 64 || score <= -(2 ** 63)) u = score >= 2 ** 64 ? 0n : 1n << 63n;
  else u = BigInt.asUintN(64, BigInt(Math.trunc(score)));
  let lat = 0;
  let lon = 0;
  for (let b = 0; b < 32; b++) {
    if ((u >> BigInt(2 * b)) & 1n) lat += 2 ** b;
    if ((u >> BigInt(2 * b + 1)) & 1n) lon += 2 ** b;
  }
  return [lat, lon];
}

/** geohashDecode of a cell given as its interleaved halves. */
function decodeCell(lonRange: GeoRange, latRange: GeoRange, ilat: number, ilon: number, step: number): GeoArea {
  const latScale = latRange.max - latRange.min;
  const lonScale = lonRange.max - lonRange.min;
  const div = 2 ** step;
  return {
    latitude: { min: latRange.min + (ilat / div) * latScale, max: latRange.min + ((ilat + 1) / div) * latScale },
    longitude: { min: lonRange.min + (ilon / div) * lonScale, max: lonRange.min + ((ilon + 1) / div) * lonScale },
  };
}

export function geohashDecode(h: GeoHashBits): GeoArea {
  const [ilat, ilon] = splitScore(h.bits);
  return decodeCell(WGS84_LONG, WGS84_LAT, ilat, ilon, h.step);
}

/** decodeGeohash: the [longitude, latitude] centre of the step-26 cell a score names, clamped. */
export function decodeScore(score: number): [number, number] {
  const [ilat, ilon] = splitScore(score);
  const a = decodeCell(WGS84_LONG, WGS84_LAT, ilat, ilon, GEO_STEP_MAX);
  let x = (a.longitude.min + a.longitude.max) / 2;
  if (x > GEO_LONG_MAX) x = GEO_LONG_MAX;
  if (x < GEO_LONG_MIN) x = GEO_LONG_MIN;
  let y = (a.latitude.min + a.latitude.max) / 2;
  if (y > GEO_LAT_MAX) y = GEO_LAT_MAX;
  if (y < GEO_LAT_MIN) y = GEO_LAT_MIN;
  return [x, y];
}

/** The 11-character GEOHASH string: the decoded centre re-encoded on the standard ±90 range. */
export function geohashString(score: number): string {
  const alphabet = '0123456789bcdefghjkmnpqrstuvwxyz';
  const [x, y] = decodeScore(score);
  const h = geohashEncode({ min: -180, max: 180 }, { min: -90, max: 90 }, x, y, 26);
  const bits = h === null ? 0 : h.bits;
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[Math.floor(bits / 2 ** (52 - (i + 1) * 5)) % 32];
  return out + '0';
}

/** Move a cell by dx columns (longitude) and dy rows (latitude), wrapping as geohash_move_x/y. */
export function geohashMove(h: GeoHashBits, dx: number, dy: number): GeoHashBits {
  const [lat, lon] = splitScore(h.bits);
  const n = 2 ** h.step;
  const nlon = (lon + dx + n) % n;
  const nlat = (lat + dy + n) % n;
  return { bits: spread(nlat) + 2 * spread(nlon), step: h.step };
}

export function degRad(ang: number): number {
  return ang * D_R;
}

export function radDeg(ang: number): number {
  return ang / D_R;
}

/** geohashEstimateStepsByRadius. */
export function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

export function latDistance(lat1d: number, lat2d: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2d) - degRad(lat1d));
}

/** geohashGetDistance: haversine in metres, with Redis's shortcut for equal longitudes. */
export function geoDistance(lon1d: number, lat1d: number, lon2d: number, lat2d: number): number {
  const lon1r = degRad(lon1d);
  const lon2r = degRad(lon2d);
  const v = crSin((lon2r - lon1r) / 2);
  if (v === 0.0) return latDistance(lat1d, lat2d);
  const lat1r = degRad(lat1d);
  const lat2r = degRad(lat2d);
  const u = crSin((lat2r - lat1r) / 2);
  const a = u * u + crCos(lat1r) * crCos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * crAsin(Math.sqrt(a));
}
