// A growable byte buffer replies are encoded into, flushed to the socket once per read.
// Payloads above BIG_CHUNK are kept by reference instead of copied.

const BIG_CHUNK = 64 * 1024;

type Latin1Buffer = Buffer & { latin1Write(s: string, offset: number, length?: number): number };

export class OutputBuffer {
  private buf: Latin1Buffer;
  private len = 0;
  private chunks: Buffer[] = [];
  private chunkBytes = 0;

  constructor(initial = 16 * 1024) {
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

  /** Everything written so far as one latin1 string (tests, MONITOR, scripts). */
  takeLatin1(): string {
    return this.take()
      .map((b) => b.toString('latin1'))
      .join('');
  }
}
