// Streaming request decoder: multibulk ("*2\r\n$3\r\nGET\r\n…") and inline ("GET k\r\n")
// requests, binary-safe, across arbitrary read boundaries, many per read. Arguments come
// out as latin1 strings (one char per byte). Error texts and limits follow Redis 7.0.

import { Buffer } from 'node:buffer';
import { ProtocolError } from './protocol-error.js';
import { SHORT_STRING_MAX, shortString } from './short-string.js';
import { splitArgs } from './split-args.js';

export const INLINE_MAX_BYTES = 64 * 1024;
/** Bulks at least this big are assembled in a buffer of their own instead of by concatenation. */
const BIG_BULK = 32 * 1024;
/** Limits Redis applies before a client has authenticated. */
const UNAUTH_MAX_MULTIBULK = 10;
const UNAUTH_MAX_BULK = 16384;
const INT_MAX = 2147483647;

export interface DecoderLimits {
  /** proto-max-bulk-len */
  maxBulkLen: number;
  /** true while the connection still has to authenticate */
  authRequired: boolean;
}

type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string };

const EMPTY = Buffer.alloc(0) as Latin1Buffer;

/** Parse a decimal length like Redis's string2ll; NaN when malformed. */
function parseLength(buf: Buffer, start: number, end: number): number {
  const n = end - start;
  if (n <= 0 || n > 20) return NaN;
  let i = start;
  const negative = buf[i] === 45;
  if (negative) {
    i++;
    if (i === end) return NaN;
  }
  // No leading zeros, and no "-0".
  if (buf[i] === 48 && (end - i > 1 || negative)) return NaN;
  let v = 0;
  for (; i < end; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}

/** Index of the first CR at or after `from`, or -1: a JS loop beats Buffer#indexOf's native call on short headers. */
function findCR(buf: Buffer, from: number): number {
  const n = buf.length;
  for (let i = from; i < n; i++) if (buf[i] === 13) return i;
  return -1;
}

/** Command names are few and repeat on every request: reuse one string per spelling. */
const NAME_MAX = 24;
const NAME_CACHE_MAX = 512;

const names = new Map<number, string>();

export class RequestDecoder {
  private buf: Latin1Buffer = EMPTY;
  private pos = 0;
  /** Arguments of the multibulk request being read, or null between requests. */
  private args: string[] | null = null;
  private remaining = 0;
  /** Arguments of the current request read so far. */
  private argc = 0;
  private bulkLen = -1;
  private big: Latin1Buffer | null = null;
  private bigFilled = 0;

  constructor(readonly limits: DecoderLimits) {}

  /**
   * The query buffer as Redis's CLIENT LIST counts it (qbuf): while requests of a read run,
   * the whole read including those already parsed; between reads, what is left unparsed.
   */
  get bufferedBytes(): number {
    return this.buf.length + this.bigFilled;
  }

  feed(chunk: Buffer): void {
    if (this.big !== null) {
      const need = this.big.length - this.bigFilled;
      const take = Math.min(need, chunk.length);
      chunk.copy(this.big, this.bigFilled, 0, take);
      this.bigFilled += take;
      if (this.bigFilled === this.big.length) {
        this.finishArg(this.big.latin1Slice(0, this.big.length - 2));
        this.big = null;
        this.bigFilled = 0;
      }
      if (take === chunk.length) return;
      chunk = chunk.subarray(take);
    }
    if (this.pos >= this.buf.length) {
      this.buf = chunk as Latin1Buffer;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]) as Latin1Buffer;
    }
    this.pos = 0;
  }

  /** Copy the input not parsed yet out of a buffer the caller is about to reuse. */
  ownInput(): void {
    if (this.pos >= this.buf.length) this.buf = EMPTY;
    else this.buf = Buffer.from(this.buf.subarray(this.pos)) as Latin1Buffer;
    this.pos = 0;
  }

  /** The next complete request, or null when more bytes are needed. Throws ProtocolError. */
  next(): string[] | null {
    const argv = this.parseNext();
    if (argv === null && this.pos > 0) {
      // Out of complete requests: drop what was parsed, as Redis trims its query buffer.
      this.buf = this.pos >= this.buf.length ? EMPTY : (this.buf.subarray(this.pos) as Latin1Buffer);
      this.pos = 0;
    }
    return argv;
  }

  private parseNext(): string[] | null {
    for (;;) {
      if (this.args === null) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] === 42 /* * */) {
          const started = this.startMultibulk();
          if (started === 'more') return null;
          if (started === 'empty') continue;
        } else {
          const inline = this.readInline();
          if (inline === null) return null;
          if (inline.length === 0) continue;
          return inline;
        }
      }
      if (!this.readBulks()) return null;
      const done = this.args as unknown as string[];
      this.args = null;
      return done;
    }
  }

  private startMultibulk(): 'more' | 'empty' | 'ok' {
    const buf = this.buf;
    const cr = findCR(buf, this.pos);
    if (cr < 0 || cr + 1 >= buf.length) {
      if (buf.length - this.pos > INLINE_MAX_BYTES) throw new ProtocolError('too big mbulk count string');
      return 'more';
    }
    const count = parseLength(buf, this.pos + 1, cr);
    if (Number.isNaN(count) || count > INT_MAX) throw new ProtocolError('invalid multibulk length');
    if (count > UNAUTH_MAX_MULTIBULK && this.limits.authRequired) throw new ProtocolError('unauthenticated multibulk length');
    this.pos = cr + 2;
    if (count <= 0) return 'empty';
    // Small requests get an array of exactly their size; huge counts grow as bulks arrive.
    this.args = count <= 64 ? new Array<string>(count) : [];
    this.argc = 0;
    this.remaining = count;
    return 'ok';
  }

  /** Read bulks of the current multibulk; true when all have arrived. */
  private readBulks(): boolean {
    while (this.remaining > 0) {
      if (this.big !== null) return false;
      const buf = this.buf;
      if (this.bulkLen < 0) {
        if (this.pos >= buf.length) return false;
        const cr = findCR(buf, this.pos);
        if (cr < 0 || cr + 1 >= buf.length) {
          if (buf.length - this.pos > INLINE_MAX_BYTES) throw new ProtocolError('too big bulk count string');
          return false;
        }
        if (buf[this.pos] !== 36 /* $ */) {
          throw new ProtocolError(`expected '$', got '${String.fromCharCode(buf[this.pos] as number)}'`);
        }
        const len = parseLength(buf, this.pos + 1, cr);
        if (Number.isNaN(len) || len < 0 || len > this.limits.maxBulkLen) throw new ProtocolError('invalid bulk length');
        if (len > UNAUTH_MAX_BULK && this.limits.authRequired) throw new ProtocolError('unauthenticated bulk length');
        this.pos = cr + 2;
        this.bulkLen = len;
        const available = buf.length - this.pos;
        if (len >= BIG_BULK && available < len + 2) {
          this.big = Buffer.allocUnsafe(len + 2) as Latin1Buffer;
          buf.copy(this.big, 0, this.pos);
          this.bigFilled = available;
          this.pos = buf.length;
          return false;
        }
      }
      if (buf.length - this.pos < this.bulkLen + 2) return false;
      const end = this.pos + this.bulkLen;
      const arg = this.argc === 0 && this.bulkLen <= NAME_MAX
        ? this.commandName(buf, this.pos, end)
        : this.bulkLen <= SHORT_STRING_MAX ? shortString(buf, this.pos, this.bulkLen) : buf.latin1Slice(this.pos, end);
      this.pos = end + 2;
      this.finishArg(arg);
    }
    return true;
  }

  private finishArg(arg: string): void {
    (this.args as string[])[this.argc++] = arg;
    this.remaining--;
    this.bulkLen = -1;
  }

  /** argv[0] from the name cache, keyed by a hash of its bytes and checked byte by byte. */
  private commandName(buf: Latin1Buffer, start: number, end: number): string {
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + (buf[i] as number)) | 0;
    const cached = names.get(h);
    if (cached !== undefined && cached.length === end - start) {
      let same = true;
      for (let i = start, j = 0; i < end; i++, j++) {
        if (cached.charCodeAt(j) !== buf[i]) {
          same = false;
          break;
        }
      }
      if (same) return cached;
    }
    const name = buf.latin1Slice(start, end);
    if (names.size >= NAME_CACHE_MAX) names.clear();
    names.set(h, name);
    return name;
  }

  private readInline(): string[] | null {
    const buf = this.buf;
    const nl = buf.indexOf(10, this.pos);
    if (nl < 0) {
      if (buf.length - this.pos > INLINE_MAX_BYTES) throw new ProtocolError('too big inline request');
      return null;
    }
    let end = nl;
    if (end > this.pos && buf[end - 1] === 13) end--;
    const line = buf.latin1Slice(this.pos, end);
    this.pos = nl + 1;
    const args = splitArgs(line);
    if (args === null) throw new ProtocolError('unbalanced quotes in request');
    return args;
  }
}
