// The reply model: what a command answers, independent of protocol version.
// Plain JS values cover the hot cases without allocation: a string (latin1 bytes) is a
// bulk string, a number or bigint an integer, null a null bulk, an array an array.
// Everything else is a small tagged object.

import { Buffer } from 'node:buffer';

export type Reply =
  | string
  | number
  | bigint
  | null
  | Buffer
  | readonly Reply[]
  | SimpleReply
  | ErrorReply
  | DoubleReply
  | BoolReply
  | MapReply
  | SetReply
  | PushReply
  | VerbatimReply
  | BigNumberReply
  | NullArrayReply
  | AttributeReply
  | RawReply;

/** CR and LF would end a status or error line early: Redis prints them as spaces. */
const LINE_BREAK = /[\r\n]/;
const lineSafe = (text: string): string => (LINE_BREAK.test(text) ? text.replace(/[\r\n]/g, ' ') : text);

export class SimpleReply {
  readonly kind = 'simple';
  readonly text: string;
  constructor(text: string) {
    this.text = lineSafe(text);
  }
}
export class ErrorReply {
  readonly kind = 'error';
  /** text is the full error line without '-', e.g. "ERR syntax error" (CR/LF become spaces). */
  readonly text: string;
  constructor(text: string) {
    this.text = lineSafe(text);
  }
}
export class DoubleReply {
  readonly kind = 'double';
  /** `text`, when given, is how the number is printed (e.g. GEO's %.17Lf coordinates) in both protocols. */
  constructor(readonly value: number, readonly text?: string) {}
}
export class BoolReply {
  readonly kind = 'bool';
  constructor(readonly value: boolean) {}
}
export class MapReply {
  readonly kind = 'map';
  /** Flat key, value, key, value… */
  constructor(readonly entries: readonly Reply[]) {}
}
export class SetReply {
  readonly kind = 'set';
  constructor(readonly items: readonly Reply[]) {}
}
export class PushReply {
  readonly kind = 'push';
  constructor(readonly items: readonly Reply[]) {}
}
export class VerbatimReply {
  readonly kind = 'verbatim';
  constructor(readonly format: string, readonly text: string) {}
}
export class BigNumberReply {
  readonly kind = 'bignum';
  constructor(readonly digits: string) {}
}
export class NullArrayReply {
  readonly kind = 'nullarray';
}
/** RESP3 attribute (`|`): out-of-band key/value pairs, then the real reply. RESP2 sees only the reply. */
export class AttributeReply {
  readonly kind = 'attribute';
  constructor(readonly entries: readonly Reply[], readonly reply: Reply) {}
}

/** Bytes sent exactly as given (the replication stream: an RDB payload, propagated commands). */
export class RawReply {
  readonly kind = 'raw';
  constructor(readonly data: Buffer | string) {}
}

const OK = new SimpleReply('OK');
const QUEUED = new SimpleReply('QUEUED');
const PONG = new SimpleReply('PONG');
const NULL_ARRAY = new NullArrayReply();
const TRUE = new BoolReply(true);
const FALSE = new BoolReply(false);

export const reply = {
  ok: OK,
  queued: QUEUED,
  pong: PONG,
  nullBulk: null,
  nullArray: NULL_ARRAY,
  simple: (text: string): SimpleReply => new SimpleReply(text),
  error: (text: string): ErrorReply => new ErrorReply(text),
  double: (value: number, text?: string): DoubleReply => new DoubleReply(value, text),
  bool: (value: boolean): BoolReply => (value ? TRUE : FALSE),
  map: (entries: readonly Reply[]): MapReply => new MapReply(entries),
  set: (items: readonly Reply[]): SetReply => new SetReply(items),
  push: (items: readonly Reply[]): PushReply => new PushReply(items),
  verbatim: (text: string, format = 'txt'): VerbatimReply => new VerbatimReply(format, text),
  bigNumber: (digits: string): BigNumberReply => new BigNumberReply(digits),
  attribute: (entries: readonly Reply[], then: Reply): AttributeReply => new AttributeReply(entries, then),
  raw: (data: Buffer | string): RawReply => new RawReply(data),
};

export function isErrorReply(r: Reply): r is ErrorReply {
  return r !== null && typeof r === 'object' && !Array.isArray(r) && !Buffer.isBuffer(r) && (r as { kind?: string }).kind === 'error';
}
