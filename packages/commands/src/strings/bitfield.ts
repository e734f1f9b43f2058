// BITFIELD and BITFIELD_RO: subcommand parsing with Redis's texts and order of checks;
// the field arithmetic and the key's growth live in storage.

import { normalize, RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, type Handler, int64Arg, token } from '@cinnabar/command-kit';
import type { BitfieldOp, Overflow } from '@cinnabar/storage';
import { bitfieldTypeArg, bitOffsetArg } from './bit-args.js';
import { maxStringBytes } from './limits.js';

const OVERFLOWS: Record<string, Overflow> = { WRAP: 'wrap', SAT: 'sat', FAIL: 'fail' };
/** Arguments each subcommand needs after its name. */
const NEEDS: Record<string, number> = { GET: 2, SET: 3, INCRBY: 3 };

/** Every subcommand parsed (and checked) before the key is touched, as Redis does. */
export function parseBitfieldOps(argv: readonly string[], maxBytes: number): BitfieldOp[] {
  const ops: BitfieldOp[] = [];
  let overflow: Overflow = 'wrap';
  for (let j = 2; j < argv.length; j++) {
    const sub = token(argv[j]);
    const remaining = argv.length - j - 1;
    if (sub === 'OVERFLOW' && remaining >= 1) {
      const o = OVERFLOWS[token(argv[++j])];
      if (o === undefined) throw new RedisError('ERR Invalid OVERFLOW type specified');
      overflow = o;
      continue;
    }
    const needs = NEEDS[sub];
    if (needs === undefined || remaining < needs) throw new SyntaxError();
    const { signed, bits } = bitfieldTypeArg(argv[j + 1] as string);
    const offset = bitOffsetArg(argv[j + 2] as string, maxBytes, bits);
    const value = sub === 'GET' ? 0n : BigInt(int64Arg(argv[j + 3] as string));
    ops.push({ kind: sub === 'GET' ? 'get' : sub === 'SET' ? 'set' : 'incrby', signed, bits, offset, value, overflow });
    j += needs;
  }
  return ops;
}

export function bitfieldHandler(readonlyCommand: boolean): Handler {
  return ({ db, server }, argv) => {
    const ops = parseBitfieldOps(argv, maxStringBytes(server));
    if (readonlyCommand && ops.some((op) => op.kind !== 'get')) {
      throw new RedisError('ERR BITFIELD_RO only supports the GET subcommand');
    }
    return db.strings.bitField(argv[1] as string, ops).map((v) => (v === null ? null : normalize(v)));
  };
}

export const bitfield = defineCommand({
  name: 'bitfield', arity: -2, flags: ['write', 'denyoom'], acl: ['@write', '@bitmap', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE', 'ACCESS', 'VARIABLE_FLAGS'] },
  docs: { summary: 'Perform arbitrary bitfield integer operations on strings', since: '3.2.0', group: 'bitmap', complexity: 'O(1) for each subcommand specified' },
  run: bitfieldHandler(false),
});
