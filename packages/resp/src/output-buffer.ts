// A growable byte buffer replies are encoded into, flushed to the socket once per read.
// Payloads above BIG_CHUNK are kept by reference instead of copied.

import { Buffer } from 'node:buffer';

const BIG_CHUNK = 64 * 1024;
const INITIAL = 16 * 1024;
/** Strings up to this long are copied by a JS loop rather than by a native call. */
const SHORT = 16;

type Latin1Buffer = Buffer & { latin1Write(s: string, offset: number, length?: number): number };

export class OutputBuffer {
  private buf: Latin1Buffer;
  private len = 0;
  private chunks: Buffer[] = [];
  private chunkBytes = 0;

  constructor(initial = INITIAL) {
    this.buf = Buffer.allocUnsafe(initial) as Latin1Buffer;
  }

  get size(): number {
    return this.len + this.chunkBytes;
  }

  isEmpty(): boolean {
    return this.len === 0 && this.chunks.length === 0;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    if (extra > BIG_CHUNK && this.len > 0) {
      this.spill();
      if (extra <= this.buf.length) return;
    }
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = Buffer.allocUnsafe(size) as Latin1Buffer;
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private spill(): void {
    if (this.len === 0) return;
    this.chunks.push(Buffer.from(this.buf.subarray(0, this.len)));
    this.chunkBytes += this.len;
    this.len = 0;
  }

  /** Append bytes given as a latin1 string (one char per byte). */
  writeLatin1(s: string): void {
    const n = s.length;
    if (n <= SHORT) {
      // A call into C++ (latin1Write) costs more than copying a few chars here.
      this.ensure(n);
      const buf = this.buf;
      let len = this.len;
      for (let i = 0; i < n; i++) buf[len++] = s.charCodeAt(i);
      this.len = len;
      return;
    }
    if (n > BIG_CHUNK) {
      this.spill();
      const b = Buffer.from(s, 'latin1');
      this.chunks.push(b);
      this.chunkBytes += n;
      return;
    }
    this.ensure(n);
    this.len += this.buf.latin1Write(s, this.len, n);
  }

  /**
   * A RESP header or integer line: the type byte, the decimal integer `n` (a safe integer),
   * CRLF — written byte by byte, without building a string.
   */
  writeLine(type: number, n: number): void {
    this.ensure(24);
    const buf = this.buf;
    let len = this.len;
    buf[len++] = type;
    if (n < 0) {
      buf[len++] = 45;
      n = -n;
    }
    if (n < 10) buf[len++] = 48 + n;
    else {
      let digits = 2;
      for (let t = Math.floor(n / 100); t > 0; t = Math.floor(t / 10)) digits++;
      len += digits;
      for (let p = len - 1; n > 0; p--) {
        const q = Math.floor(n / 10);
        buf[p] = 48 + (n - q * 10);
        n = q;
      }
    }
    buf[len++] = 13;
    buf[len++] = 10;
    this.len = len;
  }

  /** A bulk string: $<length> CRLF <bytes> CRLF. */
  writeBulk(s: string): void {
    const n = s.length;
    this.writeLine(36, n);
    if (n > SHORT) this.writeLatin1(s);
    else {
      this.ensure(n + 2);
      const buf = this.buf;
      let len = this.len;
      for (let i = 0; i < n; i++) buf[len++] = s.charCodeAt(i);
      this.len = len;
    }
    this.crlf();
  }

  /** A line of text after its type byte (+OK, -ERR …): type, text, CRLF. */
  writeSimple(type: number, text: string): void {
    this.ensure(1);
    this.buf[this.len++] = type;
    this.writeLatin1(text);
    this.crlf();
  }

  crlf(): void {
    this.ensure(2);
    this.buf[this.len++] = 13;
    this.buf[this.len++] = 10;
  }

  writeBytes(b: Buffer): void {
    if (b.length > BIG_CHUNK) {
      this.spill();
      this.chunks.push(b);
      this.chunkBytes += b.length;
      return;
    }
    this.ensure(b.length);
    b.copy(this.buf, this.len);
    this.len += b.length;
  }

  /** Hand out everything written so far as buffers the caller owns, and reset. */
  take(): Buffer[] {
    const out = this.chunks;
    if (this.len > 0) out.push(Buffer.from(this.buf.subarray(0, this.len)));
    this.chunks = [];
    this.chunkBytes = 0;
    this.len = 0;
    return out;
  }

  /**
   * Everything written so far without copying (the last buffer is a view of the internal one),
   * for a writer that usually finishes with it at once. Valid until the next write; call
   * reset() after.
   */
  peek(): Buffer[] {
    const out = this.chunks.length === 0 ? [] : this.chunks.slice();
    if (this.len > 0) out.push(this.buf.subarray(0, this.len));
    return out;
  }

  /**
   * Drop everything written so far. `keptByWriter`: the buffers of the last peek() are still
   * in use (an asynchronous write), so the internal buffer is replaced instead of reused.
   */
  reset(keptByWriter: boolean): void {
    if (keptByWriter && this.len > 0) this.buf = Buffer.allocUnsafe(INITIAL) as Latin1Buffer;
    this.clear();
  }

  /** Drop everything written so far. */
  clear(): void {
    this.chunks = [];
    this.chunkBytes = 0;
    this.len = 0;
  }

  /** Everything written so far as one latin1 string (tests, MONITOR, scripts). */
  takeLatin1(): string {
    return this.take()
      .map((b) => b.toString('latin1'))
      .join('');
  }
}
