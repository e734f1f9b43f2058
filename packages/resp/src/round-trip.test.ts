// Property: any sequence of requests, encoded as multibulk and fed in any chunking, decodes
// to exactly those requests; replies encoded in RESP2 or RESP3 parse back to their values.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestDecoder } from './decoder.js';
import { encodeReply } from './encoder.js';
import { OutputBuffer } from './output-buffer.js';
import { type Reply, reply } from './reply.js';
import { ReplyParser } from './reply-parser.js';

const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const bigArg = fc.integer({ min: 32 * 1024 - 2, max: 40 * 1024 }).map((n) => 'b'.repeat(n));
const request = fc.array(fc.oneof({ weight: 20, arbitrary: latin1 }, { weight: 1, arbitrary: bigArg }), { minLength: 1, maxLength: 6 });

function encodeRequest(argv: readonly string[]): string {
  return `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

/** Split the bytes at the given sorted cut points. */
function chunks(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    out.push(bytes.subarray(start, p));
    start = p;
  }
  out.push(bytes.subarray(start));
  return out;
}

describe('RESP round trips', () => {
  it('requests survive encoding and decoding in any chunking', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), (requests, cuts) => {
        const bytes = Buffer.from(requests.map(encodeRequest).join(''), 'latin1');
        const d = new RequestDecoder({ maxBulkLen: 512 * 1024 * 1024, authRequired: false });
        const got: string[][] = [];
        for (const chunk of chunks(bytes, cuts)) {
          d.feed(chunk);
          for (let r = d.next(); r !== null; r = d.next()) got.push(r);
        }
        expect(got).toEqual(requests);
        expect(d.bufferedBytes).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('bulk, integer, array and null replies parse back to their values in both protocols', () => {
    const leaf = fc.oneof(latin1, fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 })),
    })).node as fc.Arbitrary<Reply>;
    const normalize = (r: Reply): unknown => {
      if (Array.isArray(r)) return r.map(normalize);
      if (typeof r === 'bigint') return r >= BigInt(Number.MIN_SAFE_INTEGER) && r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r;
      return r;
    };
    fc.assert(
      fc.property(tree, fc.constantFrom(2 as const, 3 as const), (r, proto) => {
        const out = new OutputBuffer();
        encodeReply(out, r, proto);
        expect(ReplyParser.parseAll(out.takeLatin1())).toEqual([normalize(r)]);
      }),
      { numRuns: 300 },
    );
  });

  it('RESP3 maps, sets and doubles parse back to their tagged shapes', () => {
    fc.assert(
      fc.property(fc.array(latin1, { maxLength: 6 }), fc.double({ noNaN: true }), (items, d) => {
        const out = new OutputBuffer();
        encodeReply(out, [reply.map(items.flatMap((k) => [k, k])), reply.set(items), reply.double(d)], 3);
        const [parsed] = ReplyParser.parseAll(out.takeLatin1()) as [[{ map: string[] }, { set: string[] }, { double: number }]];
        expect(parsed[0].map).toEqual(items.flatMap((k) => [k, k]));
        expect(parsed[1].set).toEqual(items);
        expect(parsed[2].double).toBe(Object.is(d, -0) ? -0 : d);
      }),
      { numRuns: 200 },
    );
  });
});
