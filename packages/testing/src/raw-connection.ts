// A raw TCP client for byte-exact tests: writes RESP requests (or any bytes), and splits what
// comes back into whole replies (RESP2 and RESP3 frames) without interpreting them.

import { Buffer } from 'node:buffer';
import { Socket } from 'node:net';

/**
 * Length in bytes of the complete RESP2/RESP3 frame at `at`, or -1 when more bytes are needed.
 * An attribute (`|`) counts together with the reply it annotates.
 */
export function frameLength(buf: Buffer, at = 0): number {
  if (at >= buf.length) return -1;
  const eol = buf.indexOf('\r\n', at, 'latin1');
  if (eol < 0) return -1;
  const head = buf.toString('latin1', at + 1, eol);
  const afterHead = eol + 2;
  switch (String.fromCharCode(buf[at] as number)) {
    case '+': case '-': case ':': case '_': case ',': case '#': case '(':
      return afterHead - at;
    case '$': case '!': case '=': {
      const n = Number(head);
      if (n < 0) return afterHead - at;
      return buf.length >= afterHead + n + 2 ? afterHead + n + 2 - at : -1;
    }
    case '*': case '~': case '>': case '%': case '|': {
      let n = Number(head);
      if (n < 0) return afterHead - at;
      if (head === '?') throw new Error('streamed aggregates are not supported');
      const type = String.fromCharCode(buf[at] as number);
      if (type === '%' || type === '|') n *= 2;
      let pos = afterHead;
      for (let i = 0; i < n; i++) {
        const len = frameLength(buf, pos);
        if (len < 0) return -1;
        pos += len;
      }
      if (type === '|') {
        const len = frameLength(buf, pos);
        return len < 0 ? -1 : pos + len - at;
      }
      return pos - at;
    }
    default:
      throw new Error(`not a RESP frame at byte ${at}: ${JSON.stringify(buf.toString('latin1', at, Math.min(buf.length, at + 40)))}`);
  }
}

/** RESP multibulk encoding of one command; arguments are latin1 byte strings. */
export function encodeCommand(argv: readonly string[]): Buffer {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`;
  return Buffer.from(s, 'latin1');
}

export class RawConnection {
  private buf: Buffer = Buffer.alloc(0);
  private closedFlag = false;
  private waiter: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closedFlag = true;
      this.waiter?.();
    });
    socket.on('error', () => {
      /* surfaces as close */
    });
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((ok, fail) => {
      const s = new Socket();
      s.setNoDelay(true);
      s.once('error', fail);
      s.connect(port, host, () => {
        s.off('error', fail);
        ok(new RawConnection(s));
      });
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  write(bytes: string | Buffer): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  send(argv: readonly string[]): void {
    this.socket.write(encodeCommand(argv));
  }

  /** Wait for `n` whole replies and return each as latin1 bytes; fewer on close or timeout. */
  async read(n: number, timeoutMs = 2_000): Promise<{ frames: string[]; timedOut: boolean }> {
    const frames: string[] = [];
    const deadline = Date.now() + timeoutMs;
    while (frames.length < n) {
      const len = frameLength(this.buf);
      if (len >= 0) {
        frames.push(this.buf.toString('latin1', 0, len));
        this.buf = this.buf.subarray(len);
        continue;
      }
      if (this.closedFlag) return { frames, timedOut: false };
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForData(left))) return { frames, timedOut: true };
    }
    return { frames, timedOut: false };
  }

  /** Bytes that arrived but were not read as replies. */
  pending(): string {
    return this.buf.toString('latin1');
  }

  /** Resolves true once the peer closes, false after `timeoutMs`. */
  async waitForClose(timeoutMs = 1_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closedFlag) {
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForData(left))) return this.closedFlag;
    }
    return true;
  }

  /** Round trip: send one command, read one reply (throws on timeout or close). */
  async call(...argv: string[]): Promise<string> {
    this.send(argv);
    const { frames } = await this.read(1);
    if (frames.length !== 1) throw new Error(`no reply to ${JSON.stringify(argv)}`);
    return frames[0] as string;
  }

  private waitForData(timeoutMs: number): Promise<boolean> {
    return new Promise((ok) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        ok(false);
      }, timeoutMs);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = null;
        ok(true);
      };
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
