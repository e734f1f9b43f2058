// Replaying AOF files as Redis 7.0's loadSingleAppendOnlyFile / loadAppendOnlyFiles: an RDB
// base (or old-style RDB preamble) handed to the RDB loader, then RESP commands one by one to
// a sink (the server's fake client), `#` annotations skipped, a short tail or an unfinished
// MULTI truncated when aof-load-truncated allows it — with Redis's log lines and outcomes.

import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { AofManifest } from './manifest.js';

export type AofLoadStatus = 'ok' | 'not-exist' | 'empty' | 'open-err' | 'failed' | 'truncated';

/** Where loaded commands go: a fake client, fresh for each file. */
export interface AofCommandSink {
  /** Start a new fake client (no MULTI state). */
  reset(): void;
  /** True when argv[0] names a command; false makes loading fail ("Unknown command"). */
  exists(argv: readonly string[]): boolean;
  /** Run (or inside MULTI queue) one command. */
  execute(argv: string[]): void;
  /** The fake client is inside MULTI. */
  inMulti(): boolean;
}

export interface AofLoadOptions {
  /** The AOF directory. */
  dir: string;
  /** appendfilename: a file of that name is an old-style AOF (its RDB part is a "preamble"). */
  aofFilename: string;
  loadTruncated: boolean;
  sink: AofCommandSink;
  /** Load an RDB image at the start of `buf`; returns the bytes it used; throws when invalid. */
  loadRdb: (buf: Buffer) => number;
  log: { info(m: string): void; warn(m: string): void };
  /** Monotonic milliseconds, for the "loaded in" lines. */
  nowMs?: () => number;
}

/** Redis reads AOF lines with fgets into a 1024-byte buffer (AOF_ANNOTATION_LINE_MAX_LEN). */
const LINE_MAX = 1023;

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get eof(): boolean {
    return this.pos >= this.buf.length;
  }
  /** fgets: up to LINE_MAX bytes, through the first newline; null at end of file. */
  line(): string | null {
    if (this.pos >= this.buf.length) return null;
    const limit = Math.min(this.buf.length, this.pos + LINE_MAX);
    let end = this.buf.indexOf(10, this.pos);
    end = end < 0 || end >= limit ? limit : end + 1;
    const s = this.buf.toString('latin1', this.pos, end);
    this.pos = end;
    return s;
  }
  /** fread of exactly n bytes; null (and the position at end of file) when fewer remain. */
  take(n: number): string | null {
    if (this.pos + n > this.buf.length) {
      this.pos = this.buf.length;
      return null;
    }
    const s = this.buf.toString('latin1', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
}

/** C's atoi/strtol: leading digits with an optional sign; 0 when none. */
function leadingInt(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

type Step = { kind: 'command'; argv: string[] } | { kind: 'skip' } | { kind: 'eof' } | { kind: 'short' } | { kind: 'format' };

/** Read the next record the way loadSingleAppendOnlyFile does. */
function readRecord(r: Reader): Step {
  const head = r.line();
  if (head === null) return { kind: 'eof' };
  if (head[0] === '#') return { kind: 'skip' };
  if (head[0] !== '*') return { kind: 'format' };
  if (head.length === 1) return { kind: 'short' };
  const argc = leadingInt(head.slice(1));
  if (argc < 1) return { kind: 'format' };
  const argv: string[] = [];
  for (let j = 0; j < argc; j++) {
    const lenLine = r.line();
    if (lenLine === null) return { kind: 'short' };
    if (lenLine[0] !== '$') return { kind: 'format' };
    const len = leadingInt(lenLine.slice(1));
    const arg = len > 0 ? r.take(len) : '';
    if (arg === null) return { kind: 'short' };
    // The CRLF after the argument is skipped unchecked, as Redis does.
    if (r.take(2) === null) return { kind: 'short' };
    argv.push(arg);
  }
  return { kind: 'command', argv };
}

/** Replay one file of the AOF directory. */
export function loadSingleAofFile(name: string, opts: AofLoadOptions): AofLoadStatus {
  const { log } = opts;
  const path = join(opts.dir, name);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      log.warn(`The append log file ${name} doesn't exist: No such file or directory`);
      return 'not-exist';
    }
    log.warn(`Fatal error: can't open the append log file ${name} for reading: ${err.message}`);
    return 'open-err';
  }
  if (buf.length === 0) return 'empty';
  opts.sink.reset();
  const r = new Reader(buf);
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === 'REDIS') {
    const oldStyle = name === opts.aofFilename;
    log.info(oldStyle ? 'Reading RDB preamble from AOF file...' : 'Reading RDB base file on AOF loading...');
    try {
      r.pos = opts.loadRdb(buf);
    } catch (e) {
      log.warn(oldStyle
        ? `Error reading the RDB preamble of the AOF file ${name}, AOF loading aborted`
        : `Error reading the RDB base file ${name}, AOF loading aborted`);
      log.warn(`Unrecoverable error reading the append only file ${name}: ${(e as Error).message}`);
      return 'failed';
    }
    if (oldStyle) log.info('Reading the remaining AOF tail...');
  }

  let validUpTo = 0;
  let validBeforeMulti = 0;
  for (;;) {
    const step = readRecord(r);
    if (step.kind === 'skip') continue;
    if (step.kind === 'eof') break;
    if (step.kind === 'format') {
      log.warn(`Bad file format reading the append only file ${name}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>`);
      return 'failed';
    }
    if (step.kind === 'short') return shortRead(name, path, validUpTo, opts);
    const argv = step.argv;
    if (!opts.sink.exists(argv)) {
      log.warn(`Unknown command '${argv[0]}' reading the append only file ${name}`);
      return 'failed';
    }
    if ((argv[0] as string).toLowerCase() === 'multi') validBeforeMulti = validUpTo;
    opts.sink.execute(argv);
    if (opts.loadTruncated) validUpTo = r.pos;
  }
  // A transaction without its EXEC at the end is handled as a short read.
  if (opts.sink.inMulti()) {
    log.warn(`Revert incomplete MULTI/EXEC transaction in AOF file ${name}`);
    return shortRead(name, path, validBeforeMulti, opts);
  }
  return 'ok';
}

/** Unexpected end of file: truncate to the last complete command when allowed. */
function shortRead(name: string, path: string, validUpTo: number, opts: AofLoadOptions): AofLoadStatus {
  const { log } = opts;
  if (opts.loadTruncated) {
    log.warn(`!!! Warning: short read while loading the AOF file ${name}!!!`);
    log.warn(`!!! Truncating the AOF ${name} at offset ${validUpTo} !!!`);
    try {
      truncateSync(path, validUpTo);
      log.warn(`AOF ${name} loaded anyway because aof-load-truncated is enabled`);
      return 'truncated';
    } catch (e) {
      log.warn(`Error truncating the AOF file ${name}: ${(e as Error).message}`);
    }
  }
  log.warn(`Unexpected end of file reading the append only file ${name}. You can: ` +
    '1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. ' +
    "2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.");
  return 'failed';
}

export interface AofLoadResult {
  status: AofLoadStatus;
  /** Size of the base and incr files (aof_current_size) and of the base (aof_base_size). */
  totalSize: number;
  baseSize: number;
}

/** Replay the base then every incr file of the manifest (loadAppendOnlyFiles). */
export function loadAofFiles(m: AofManifest, opts: AofLoadOptions): AofLoadResult {
  const { log } = opts;
  const now = opts.nowMs ?? (() => performance.now());
  const files = [...(m.base ? [m.base] : []), ...m.incr];
  if (files.length === 0) return { status: 'not-exist', totalSize: 0, baseSize: 0 };
  let totalSize = 0;
  for (const f of files) {
    const path = join(opts.dir, f.name);
    try {
      totalSize += statSync(path).size;
    } catch (e) {
      const missing = !existsSync(path);
      log.warn(`Unable to obtain the AOF file ${f.name} length. stat: ${missing ? 'No such file or directory' : (e as Error).message}`);
      return { status: missing ? 'failed' : 'open-err', totalSize: 0, baseSize: 0 };
    }
  }
  if (totalSize === 0) return { status: 'empty', totalSize: 0, baseSize: 0 };

  let status: AofLoadStatus = 'ok';
  let baseSize = 0;
  files.forEach((f, i) => {
    if (status === 'failed' || status === 'open-err') return;
    const last = i === files.length - 1;
    const isBase = f === m.base;
    if (isBase) baseSize = statSync(join(opts.dir, f.name)).size;
    const start = now();
    status = loadSingleAofFile(f.name, opts);
    if (status === 'ok' || (status === 'truncated' && last)) {
      log.info(`DB loaded from ${isBase ? 'base' : 'incr'} file ${f.name}: ${((now() - start) / 1000).toFixed(3)} seconds`);
    }
    // Some file has data, so an empty incr file is fine.
    if (!isBase && status === 'empty') status = 'ok';
    if (status === 'truncated' && !last) {
      status = 'failed';
      log.warn('Fatal error: the truncated file is not the last file');
    }
  });
  return { status, totalSize, baseSize };
}
