// Parses RESP2/RESP3 reply bytes back into plain values: for tests, the harness,
// and later for a replica reading its primary. Not on the server's request path.

import { Buffer } from 'node:buffer';

export type ParsedReply =
  | string
  | number
  | bigint
  | boolean
  | null
  | ParsedReply[]
  | { error: string }
  | { simple: string }
  | { double: number }
  | { map: ParsedReply[] }
  | { set: ParsedReply[] }
  | { push: ParsedReply[] }
  | { verbatim: string; format: string }
  | { bignum: string }
  | { attribute: ParsedReply[]; reply: ParsedReply };

class Incomplete extends Error {}

export class ReplyParser {
  private buf = Buffer.alloc(0);
  private pos = 0;

  feed(chunk: Buffer | string): void {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    this.buf = Buffer.concat([this.buf.subarray(this.pos), b]);
    this.pos = 0;
  }

  /** The next complete reply, or undefined when more bytes are needed. */
  next(): ParsedReply | undefined {
    const start = this.pos;
    try {
      return this.read();
    } catch (e) {
      if (e instanceof Incomplete) {
        this.pos = start;
        return undefined;
      }
      throw e;
    }
  }

  /** Parse a whole byte string into all replies it holds. */
  static parseAll(bytes: Buffer | string): ParsedReply[] {
    const p = new ReplyParser();
    p.feed(bytes);
    const out: ParsedReply[] = [];
    for (let r = p.next(); r !== undefined; r = p.next()) out.push(r);
    return out;
  }

  private line(): string {
    const cr = this.buf.indexOf('\r\n', this.pos, 'latin1');
    if (cr < 0) throw new Incomplete();
    const s = this.buf.toString('latin1', this.pos, cr);
    this.pos = cr + 2;
    return s;
  }

  private bytes(n: number): string {
    if (this.buf.length - this.pos < n + 2) throw new Incomplete();
    const s = this.buf.toString('latin1', this.pos, this.pos + n);
    this.pos += n + 2;
    return s;
  }

  private items(n: number): ParsedReply[] {
    const out: ParsedReply[] = [];
    for (let i = 0; i < n; i++) out.push(this.read());
    return out;
  }

  private read(): ParsedReply {
    if (this.pos >= this.buf.length) throw new Incomplete();
    const type = String.fromCharCode(this.buf[this.pos] as number);
    this.pos++;
    const head = this.line();
    switch (type) {
      case '+':
        return { simple: head };
      case '-':
        return { error: head };
      case ':': {
        const n = BigInt(head);
        return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
      }
      case '$':
        return Number(head) < 0 ? null : this.bytes(Number(head));
      case '*':
        return Number(head) < 0 ? null : this.items(Number(head));
      case '_':
        return null;
      case '#':
        return head === 't';
      case ',':
        return { double: head === 'inf' ? Infinity : head === '-inf' ? -Infinity : Number(head) };
      case '(':
        return { bignum: head };
      case '%':
        return { map: this.items(Number(head) * 2) };
      case '|': {
        const attribute = this.items(Number(head) * 2);
        return { attribute, reply: this.read() };
      }
      case '~':
        return { set: this.items(Number(head)) };
      case '>':
        return { push: this.items(Number(head)) };
      case '=': {
        const body = this.bytes(Number(head));
        return { verbatim: body.slice(4), format: body.slice(0, 3) };
      }
      default:
        throw new Error(`bad reply type byte '${type}'`);
    }
  }
}
