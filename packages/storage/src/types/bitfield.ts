// Pure BITFIELD arithmetic on a byte buffer: signed/unsigned integers of 1..64 bits at any
// bit offset (bit 0 = MSB of byte 0), with WRAP, SAT and FAIL overflow as Redis defines them.
// Values travel as bigints so 64-bit wrap-around stays exact.

export type Overflow = 'wrap' | 'sat' | 'fail';

export interface BitfieldOp {
  kind: 'get' | 'set' | 'incrby';
  signed: boolean;
  /** 1..64 signed, 1..63 unsigned. */
  bits: number;
  /** Bit offset (already multiplied out for the #N form). */
  offset: number;
  /** SET value or INCRBY increment (a signed 64-bit integer). */
  value: bigint;
  overflow: Overflow;
}

/** The unsigned integer of `bits` bits at `offset`; bytes past the buffer read as zero. */
export function readUnsigned(buf: Uint8Array, offset: number, bits: number): bigint {
  let v = 0n;
  for (let j = 0; j < bits; j++, offset++) {
    const byte = buf[Math.floor(offset / 8)] ?? 0;
    v = (v << 1n) | BigInt((byte >> (7 - (offset & 7))) & 1);
  }
  return v;
}

export function readField(buf: Uint8Array, offset: number, bits: number, signed: boolean): bigint {
  const u = readUnsigned(buf, offset, bits);
  return signed ? BigInt.asIntN(bits, u) : u;
}

/** Store the low `bits` bits of v (two's complement for negatives) at `offset`. */
export function writeField(buf: Uint8Array, offset: number, bits: number, v: bigint): void {
  const u = BigInt.asUintN(bits, v);
  for (let j = 0; j < bits; j++, offset++) {
    const bit = Number((u >> BigInt(bits - 1 - j)) & 1n);
    const i = Math.floor(offset / 8);
    const shift = 7 - (offset & 7);
    buf[i] = ((buf[i] as number) & ~(1 << shift)) | (bit << shift);
  }
}

/**
 * value + incr stored in a field: the result, or null when FAIL refuses it. Unsigned SET
 * values are the int64 seen as uint64, as Redis casts them (so -1 overflows a u8).
 */
export function fieldResult(value: bigint, incr: bigint, bits: number, signed: boolean, overflow: Overflow): bigint | null {
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -max - 1n : 0n;
  const sum = value + incr;
  if (sum >= min && sum <= max) return sum;
  if (overflow === 'fail') return null;
  if (overflow === 'sat') return sum > max ? max : min;
  return signed ? BigInt.asIntN(bits, sum) : BigInt.asUintN(bits, sum);
}

export interface BitfieldOutcome {
  /** One reply per op: the value, or null where FAIL refused a write. */
  replies: (bigint | null)[];
  /** Writes that changed a field (all writes count when the string grew). */
  changes: number;
}

/** Run the ops in order on buf (already long enough for every write). */
export function runBitfield(buf: Uint8Array, ops: readonly BitfieldOp[], grew: boolean): BitfieldOutcome {
  const replies: (bigint | null)[] = [];
  let changes = 0;
  for (const op of ops) {
    const old = readField(buf, op.offset, op.bits, op.signed);
    if (op.kind === 'get') {
      replies.push(old);
      continue;
    }
    const next =
      op.kind === 'incrby'
        ? fieldResult(old, op.value, op.bits, op.signed, op.overflow)
        : fieldResult(op.signed ? op.value : BigInt.asUintN(64, op.value), 0n, op.bits, op.signed, op.overflow);
    if (next === null) {
      replies.push(null);
      continue;
    }
    replies.push(op.kind === 'incrby' ? next : old);
    writeField(buf, op.offset, op.bits, next);
    if (grew || next !== old) changes++;
  }
  return { replies, changes };
}

/** The highest bit a write op touches, or -1 when every op is a GET. */
export function highestWriteBit(ops: readonly BitfieldOp[]): number {
  let high = -1;
  for (const op of ops) if (op.kind !== 'get' && op.offset + op.bits - 1 > high) high = op.offset + op.bits - 1;
  return high;
}
