// The geo search of Redis 7.0 (geohash_helper.c's area estimate, geo.c's box walk): pick a step
// from the radius, cover the shape with the centre cell and its 8 neighbours (dropping useless
// ones), scan each cell's score interval of the sorted set and keep the points inside the shape.

import {
  align52, decodeScore, EARTH_RADIUS_IN_METERS, estimateSteps, geoDistance, type GeoHashBits, geohashDecode,
  geohashEncode, geohashMove, latDistance, radDeg, degRad, WGS84_LAT, WGS84_LONG,
} from './geohash.js';
import { crCos } from './geo-trig.js';
import type { ZSetValue } from './zset.js';

/** A search area around [longitude, latitude]; sizes are in the unit, `conversion` metres per unit. */
export type GeoShape =
  | { kind: 'radius'; xy: [number, number]; conversion: number; radius: number }
  | { kind: 'box'; xy: [number, number]; conversion: number; width: number; height: number };

export interface GeoPoint {
  member: string;
  score: number;
  longitude: number;
  latitude: number;
  /** Metres from the shape's centre. */
  dist: number;
}

/** geohashBoundingBox: [minLon, minLat, maxLon, maxLat]. */
function boundingBox(s: GeoShape): [number, number, number, number] {
  const [longitude, latitude] = s.xy;
  const height = s.conversion * (s.kind === 'radius' ? s.radius : s.height / 2);
  const width = s.conversion * (s.kind === 'radius' ? s.radius : s.width / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const lonDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / crCos(degRad(latitude + latDelta)));
  const lonDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / crCos(degRad(latitude - latDelta)));
  const south = latitude < 0;
  return [
    south ? longitude - lonDeltaBottom : longitude - lonDeltaTop,
    latitude - latDelta,
    south ? longitude + lonDeltaBottom : longitude + lonDeltaTop,
    latitude + latDelta,
  ];
}

/**
 * geohashCalculateAreasByShapeWGS84: the 9 cells in Redis's order (centre, N, S, E, W, NE, NW,
 * SE, SW); null marks a neighbour excluded as useless.
 */
export function searchCells(s: GeoShape): (GeoHashBits | null)[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(s);
  const [longitude, latitude] = s.xy;
  const radiusMeters = s.conversion * (s.kind === 'radius' ? s.radius : Math.sqrt((s.width / 2) * (s.width / 2) + (s.height / 2) * (s.height / 2)));
  let steps = estimateSteps(radiusMeters, latitude);
  let hash = encodeAt(longitude, latitude, steps);
  const n = geohashDecode(geohashMove(hash, 0, 1));
  const so = geohashDecode(geohashMove(hash, 0, -1));
  const e = geohashDecode(geohashMove(hash, 1, 0));
  const w = geohashDecode(geohashMove(hash, -1, 0));
  const decrease = n.latitude.max < maxLat || so.latitude.min > minLat || e.longitude.max < maxLon || w.longitude.min > minLon;
  if (steps > 1 && decrease) {
    steps--;
    hash = encodeAt(longitude, latitude, steps);
  }
  const area = geohashDecode(hash);
  // dx, dy of N, S, E, W, NE, NW, SE, SW.
  const moves: [number, number][] = [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]];
  const cells: (GeoHashBits | null)[] = [hash];
  for (const [dx, dy] of moves) {
    let keep = true;
    if (steps >= 2) {
      if (dy < 0 && area.latitude.min < minLat) keep = false;
      if (dy > 0 && area.latitude.max > maxLat) keep = false;
      if (dx < 0 && area.longitude.min < minLon) keep = false;
      if (dx > 0 && area.longitude.max > maxLon) keep = false;
    }
    cells.push(keep ? geohashMove(hash, dx, dy) : null);
  }
  return cells;
}

function encodeAt(longitude: number, latitude: number, step: number): GeoHashBits {
  // Centres passed the argument checks, so the encode cannot fail; a zero cell mirrors Redis if it did.
  return geohashEncode(WGS84_LONG, WGS84_LAT, longitude, latitude, step) ?? { bits: 0, step };
}

/** geoWithinShape: the point a score names, with its distance, or null outside the shape. */
export function pointInShape(s: GeoShape, score: number): { xy: [number, number]; dist: number } | null {
  const xy = decodeScore(score);
  const [cx, cy] = s.xy;
  if (s.kind === 'radius') {
    const dist = geoDistance(cx, cy, xy[0], xy[1]);
    return dist > s.radius * s.conversion ? null : { xy, dist };
  }
  const widthM = s.width * s.conversion;
  const heightM = s.height * s.conversion;
  if (latDistance(xy[1], cy) > heightM / 2) return null;
  if (geoDistance(xy[0], xy[1], cx, xy[1]) > widthM / 2) return null;
  return { xy, dist: geoDistance(cx, cy, xy[0], xy[1]) };
}

/**
 * membersOfAllNeighbors: the points inside the shape, cell by cell in score order, skipping a
 * cell equal to the previous one scanned; `limit` (ANY) > 0 stops as soon as that many are found.
 */
export function geoSearch(z: ZSetValue, s: GeoShape, limit: number): GeoPoint[] {
  const out: GeoPoint[] = [];
  const cells = searchCells(s);
  // Redis compares with the last scanned cell only when that was a neighbour, never the centre.
  let last = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined || cell === null) continue;
    const prev = cells[last];
    if (last > 0 && prev && cell.bits === prev.bits && cell.step === prev.step) continue;
    if (limit > 0 && out.length >= limit) break;
    const min = align52(cell);
    const max = align52({ bits: cell.bits + 1, step: cell.step });
    const [first, end] = z.scoreSpan({ min, max, minex: false, maxex: true });
    if (first <= end) {
      z.walk(first, end, false, (member, score) => {
        const p = pointInShape(s, score);
        if (p !== null) out.push({ member, score, longitude: p.xy[0], latitude: p.xy[1], dist: p.dist });
        return limit > 0 && out.length >= limit ? false : undefined;
      });
    }
    last = i;
  }
  return out;
}

export { decodeScore, geoDistance, geohashString, geoScore, GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN } from './geohash.js';
