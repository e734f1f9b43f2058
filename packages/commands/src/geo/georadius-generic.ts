// georadiusGeneric of Redis 7.0, shared by GEORADIUS[BYMEMBER][_RO], GEOSEARCH and
// GEOSEARCHSTORE: the centre and shape, options in Redis's order of checks, the search over
// the 9 cells, sorting, COUNT [ANY], and the reply or the stored sorted set.

import { RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, int64Arg } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import { decodeScore, EventClass, type GeoPoint, type GeoShape, geoSearch, ZSetValue } from '@cinnabar/storage';
import { pqsort } from './pqsort.js';
import { boxArg, coordReply, distanceReply, lonLatArg, radiusArg, readGeoSet } from './geo-args.js';

export type GeoVariant = 'radius' | 'bymember' | 'radius_ro' | 'bymember_ro' | 'search' | 'searchstore';

interface Options {
  withDist: boolean;
  withHash: boolean;
  withCoord: boolean;
  any: boolean;
  sort: 'none' | 'asc' | 'desc';
  count: number;
  storeKey: string | null;
  storeDist: boolean;
}

const MEMBER_ERROR = 'ERR could not decode requested zset member';

export function georadiusGeneric(c: ClientSession, argv: readonly string[], variant: GeoVariant): Reply {
  const { db } = c;
  const search = variant === 'search' || variant === 'searchstore';
  const srcIndex = variant === 'searchstore' ? 2 : 1;
  const z = readGeoSet(db, argv[srcIndex] as string);
  let xy: [number, number] = [0, 0];
  let size: { radius: number; conversion: number } | { width: number; height: number; conversion: number } | null = null;
  let base: number;
  if (variant === 'radius' || variant === 'radius_ro') {
    base = 6;
    xy = lonLatArg(argv, 2);
    size = radiusArg(argv, 4);
  } else if (!search) {
    base = 5;
    if (z !== undefined) {
      xy = memberPosition(z, argv[2] as string);
      size = radiusArg(argv, 3);
    }
  } else base = variant === 'searchstore' ? 3 : 2;

  const o: Options = {
    withDist: false, withHash: false, withCoord: false, any: false, sort: 'none', count: 0,
    storeKey: variant === 'searchstore' ? (argv[1] as string) : null, storeDist: false,
  };
  const noStore = variant === 'radius_ro' || variant === 'bymember_ro';
  let fromMember = false;
  let fromLoc = false;
  let byRadius = false;
  let byBox = false;
  const remaining = argv.length - base;
  for (let i = 0; i < remaining; i++) {
    const arg = (argv[base + i] as string).toLowerCase();
    const next = (k: number): string => argv[base + i + k] as string;
    if (arg === 'withdist') o.withDist = true;
    else if (arg === 'withhash') o.withHash = true;
    else if (arg === 'withcoord') o.withCoord = true;
    else if (arg === 'any') o.any = true;
    else if (arg === 'asc') o.sort = 'asc';
    else if (arg === 'desc') o.sort = 'desc';
    else if (arg === 'count' && i + 1 < remaining) {
      o.count = Number(int64Arg(next(1)));
      if (o.count <= 0) throw new RedisError('ERR COUNT must be > 0');
      i++;
    } else if ((arg === 'store' || arg === 'storedist') && i + 1 < remaining && !noStore && !search) {
      o.storeKey = next(1);
      o.storeDist = arg === 'storedist';
      i++;
    } else if (arg === 'storedist' && variant === 'searchstore') o.storeDist = true;
    else if (arg === 'frommember' && i + 1 < remaining && search && !fromLoc) {
      if (z !== undefined) xy = memberPosition(z, next(1));
      fromMember = true;
      i++;
    } else if (arg === 'fromlonlat' && i + 2 < remaining && search && !fromMember) {
      xy = lonLatArg(argv, base + i + 1);
      fromLoc = true;
      i += 2;
    } else if (arg === 'byradius' && i + 2 < remaining && search && !byBox) {
      size = radiusArg(argv, base + i + 1);
      byRadius = true;
      i += 2;
    } else if (arg === 'bybox' && i + 3 < remaining && search && !byRadius) {
      size = boxArg(argv, base + i + 1);
      byBox = true;
      i += 3;
    } else throw new SyntaxError();
  }

  if (o.storeKey !== null && (o.withDist || o.withHash || o.withCoord)) {
    const who = variant === 'searchstore' ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    throw new RedisError(`ERR ${who} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (search && !(fromMember || fromLoc)) {
    throw new RedisError(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0] as string}`);
  }
  if (search && !(byRadius || byBox)) {
    throw new RedisError(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0] as string}`);
  }
  if (o.any && o.count === 0) throw new RedisError('ERR the ANY argument requires COUNT argument');

  if (z === undefined || size === null) {
    if (o.storeKey === null) return [];
    deleteStoreKey(c, o.storeKey);
    return 0;
  }
  if (o.count !== 0 && o.sort === 'none' && !o.any) o.sort = 'asc';
  const shape: GeoShape = 'radius' in size
    ? { kind: 'radius', xy, conversion: size.conversion, radius: size.radius }
    : { kind: 'box', xy, conversion: size.conversion, width: size.width, height: size.height };
  const points = geoSearch(z, shape, o.any ? o.count : 0);
  if (points.length === 0 && o.storeKey === null) return [];
  const returned = o.count === 0 || points.length < o.count ? points.length : o.count;
  if (o.sort !== 'none') {
    const asc = (a: GeoPoint, b: GeoPoint): number => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1);
    const cmp = o.sort === 'asc' ? asc : (a: GeoPoint, b: GeoPoint): number => -asc(a, b);
    // glibc's qsort is a stable merge sort here; a partial sort is Redis's pqsort, unstable.
    if (returned === points.length) points.sort(cmp);
    else pqsort(points, cmp, 0, returned - 1);
  }
  const chosen = points.slice(0, returned);
  for (const p of chosen) p.dist /= shape.conversion;
  if (o.storeKey === null) return chosen.map((p) => pointReply(c, p, o));
  return store(c, o.storeKey, chosen, o.storeDist, search ? 'geosearchstore' : 'georadiusstore');
}

function memberPosition(z: ZSetValue, member: string): [number, number] {
  const score = z.score(member);
  if (score === undefined) throw new RedisError(MEMBER_ERROR);
  return decodeScore(score);
}

function pointReply(c: ClientSession, p: GeoPoint, o: Options): Reply {
  if (!o.withDist && !o.withHash && !o.withCoord) return p.member;
  const item: Reply[] = [p.member];
  if (o.withDist) item.push(distanceReply(p.dist));
  if (o.withHash) item.push(Math.trunc(p.score));
  if (o.withCoord) item.push([coordReply(p.longitude), coordReply(p.latitude)]);
  return item;
}

function deleteStoreKey({ db }: ClientSession, key: string): void {
  const e = db.lookup(key);
  if (e === undefined) return;
  db.remove(e);
  db.changed(key, EventClass.generic, 'del');
}

function store(c: ClientSession, key: string, points: GeoPoint[], storeDist: boolean, event: string): number {
  if (points.length === 0) {
    deleteStoreKey(c, key);
    return 0;
  }
  const z = ZSetValue.from(points.map((p): [string, number] => [p.member, storeDist ? p.dist : p.score]), c.server.keyspace.limits);
  c.db.setValue(key, z);
  c.db.changed(key, EventClass.zset, event, points.length);
  return points.length;
}
