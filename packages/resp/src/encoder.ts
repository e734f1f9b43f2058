// Encodes the reply model as RESP2 or RESP3 bytes. RESP2 has no map, set, double, bool,
// verbatim, big number or push: each falls back to the shape Redis 7.0 sends there.

import { Buffer } from 'node:buffer';
import { formatDouble } from '@cinnabar/common';
import type { OutputBuffer } from './output-buffer.js';
import type { Reply } from './reply.js';

export type ProtocolVersion = 2 | 3;

const CRLF = '\r\n';

export function encodeReply(out: OutputBuffer, r: Reply, proto: ProtocolVersion): void {
  switch (typeof r) {
    case 'string':
      if (r.length <= 16) out.writeBulk(r);
      else if (r.length < 1024) out.writeLatin1('$' + r.length + CRLF + r + CRLF);
      else {
        out.writeLine(36, r.length);
        out.writeLatin1(r);
        out.writeLatin1(CRLF);
      }
      return;
    case 'number':
      if (Number.isSafeInteger(r)) out.writeLine(58, r);
      else out.writeLatin1(':' + r + CRLF);
      return;
    case 'bigint':
      out.writeLatin1(':' + r + CRLF);
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`not a reply: ${typeof r}`);
  }
  if (r === null) {
    out.writeLatin1(proto === 3 ? '_\r\n' : '$-1\r\n');
    return;
  }
  if (Array.isArray(r)) {
    out.writeLine(42, r.length);
    for (const item of r) encodeReply(out, item as Reply, proto);
    return;
  }
  if (Buffer.isBuffer(r)) {
    out.writeLatin1('$' + r.length + CRLF);
    out.writeBytes(r);
    out.writeLatin1(CRLF);
    return;
  }
  encodeTagged(out, r as Exclude<Reply, string | number | bigint | null | Buffer | readonly Reply[]>, proto);
}

function encodeTagged(
  out: OutputBuffer,
  r: Exclude<Reply, string | number | bigint | null | Buffer | readonly Reply[]>,
  proto: ProtocolVersion,
): void {
  switch (r.kind) {
    case 'simple':
      out.writeSimple(43, r.text);
      return;
    case 'raw':
      if (typeof r.data === 'string') out.writeLatin1(r.data);
      else out.writeBytes(r.data);
      return;
    case 'error':
      out.writeLatin1('-' + r.text + CRLF);
      return;
    case 'double': {
      const text = r.text ?? formatDouble(r.value);
      out.writeLatin1(proto === 3 ? ',' + text + CRLF : '$' + text.length + CRLF + text + CRLF);
      return;
    }
    case 'bool':
      out.writeLatin1(proto === 3 ? (r.value ? '#t\r\n' : '#f\r\n') : r.value ? ':1\r\n' : ':0\r\n');
      return;
    case 'map':
      out.writeLatin1((proto === 3 ? '%' + r.entries.length / 2 : '*' + r.entries.length) + CRLF);
      for (const item of r.entries) encodeReply(out, item, proto);
      return;
    case 'set':
      out.writeLatin1((proto === 3 ? '~' : '*') + r.items.length + CRLF);
      for (const item of r.items) encodeReply(out, item, proto);
      return;
    case 'push':
      out.writeLatin1((proto === 3 ? '>' : '*') + r.items.length + CRLF);
      for (const item of r.items) encodeReply(out, item, proto);
      return;
    case 'verbatim':
      if (proto === 3) {
        out.writeLatin1('=' + (r.text.length + 4) + CRLF + r.format + ':');
        out.writeLatin1(r.text);
        out.writeLatin1(CRLF);
      } else {
        encodeReply(out, r.text, proto);
      }
      return;
    case 'bignum':
      out.writeLatin1(proto === 3 ? '(' + r.digits + CRLF : '$' + r.digits.length + CRLF + r.digits + CRLF);
      return;
    case 'nullarray':
      out.writeLatin1(proto === 3 ? '_\r\n' : '*-1\r\n');
      return;
    case 'attribute':
      if (proto === 3) {
        out.writeLatin1('|' + r.entries.length / 2 + CRLF);
        for (const item of r.entries) encodeReply(out, item, proto);
      }
      encodeReply(out, r.reply, proto);
      return;
  }
}
