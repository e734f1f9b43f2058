// AOF file naming and the manifest changes of a rewrite, as Redis 7.0 names and moves them:
// `<appendfilename>.<seq>.base.rdb|.aof`, `<appendfilename>.<seq>.incr.aof`, temp names, and
// which files turn into history. Pure functions over AofManifest; the service does the I/O.

import { type AofInfo, type AofManifest, cloneManifest } from './manifest.js';

export const MANIFEST_SUFFIX = '.manifest';
export const TEMP_PREFIX = 'temp-';

export function manifestName(aofFilename: string): string {
  return `${aofFilename}${MANIFEST_SUFFIX}`;
}

export function tempManifestName(aofFilename: string): string {
  return `${TEMP_PREFIX}${aofFilename}${MANIFEST_SUFFIX}`;
}

/** The incr file that collects writes while appendonly is being switched on (AOF_WAIT_REWRITE). */
export function tempIncrName(aofFilename: string): string {
  return `${TEMP_PREFIX}${aofFilename}.incr`;
}

/** Where a background rewrite writes its base before the rename (Redis uses the child's pid). */
export function tempRewriteName(id: number): string {
  return `temp-rewriteaof-bg-${id}.aof`;
}

/**
 * A manifest with a new base (`rdb` format or command format) and the previous base, if any,
 * turned into history (getNewBaseFileNameAndMarkPreAsHistory). Returns the new manifest.
 */
export function withNewBase(m: AofManifest, aofFilename: string, rdb: boolean): AofManifest {
  const next = cloneManifest(m);
  if (next.base !== null) next.history.unshift({ ...next.base, type: 'h' });
  next.baseSeq++;
  next.base = { name: `${aofFilename}.${next.baseSeq}.base${rdb ? '.rdb' : '.aof'}`, seq: next.baseSeq, type: 'b' };
  return next;
}

/** A manifest with one more incr file at the end (getNewIncrAofName). */
export function withNewIncr(m: AofManifest, aofFilename: string): AofManifest {
  const next = cloneManifest(m);
  next.incrSeq++;
  next.incr.push({ name: `${aofFilename}.${next.incrSeq}.incr.aof`, seq: next.incrSeq, type: 'i' });
  return next;
}

/**
 * After a successful rewrite every incr file but the one being written (when AOF is on)
 * becomes history, newest first at the head, as markRewrittenIncrAofAsHistory.
 */
export function withRewrittenIncrAsHistory(m: AofManifest, keepLast: boolean): AofManifest {
  const next = cloneManifest(m);
  const keep = keepLast ? next.incr.slice(-1) : [];
  const done = keepLast ? next.incr.slice(0, -1) : next.incr;
  // Walked from the newest, each pushed at the head: history keeps the files' order.
  for (let i = done.length - 1; i >= 0; i--) next.history.unshift({ ...(done[i] as AofInfo), type: 'h' });
  next.incr = keep;
  return next;
}

/** The manifest with no history (its files are being deleted). */
export function withoutHistory(m: AofManifest): AofManifest {
  const next = cloneManifest(m);
  next.history = [];
  return next;
}

/** The last incr file, or a manifest with a new one when there is none (getLastIncrAofName). */
export function lastIncr(m: AofManifest, aofFilename: string): { manifest: AofManifest; name: string } {
  const last = m.incr[m.incr.length - 1];
  if (last !== undefined) return { manifest: m, name: last.name };
  const next = withNewIncr(m, aofFilename);
  return { manifest: next, name: (next.incr[next.incr.length - 1] as AofInfo).name };
}
