// MEMORY USAGE's estimate, sized as Redis 7.0 on jemalloc sizes a key: the dictEntry, the
// key's sds and the value object (robj, embedded or separate sds, or the aggregate's own
// estimate when its type offers one).

import { stringEncoding, type Value } from '@cinnabar/storage';

const ROBJ = 16;
const DICT_ENTRY = 24;

/** jemalloc's size class for a request of n bytes (8, 16, 32, 48 … then 4 classes per doubling). */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const step = 2 ** Math.floor(Math.log2(n - 1)) / 4;
  return Math.ceil(n / step) * step;
}

/** Allocation of an sds string of len bytes (header by length class, plus the NUL). */
export function sdsSize(len: number, allowType5 = true): number {
  let header: number;
  if (len < 32 && allowType5 && len > 0) header = 1;
  else if (len < 256) header = 3;
  else if (len < 65536) header = 5;
  else if (len < 2 ** 32) header = 9;
  else header = 17;
  return jemallocSize(header + len + 1);
}

export function stringObjectSize(s: string): number {
  const enc = stringEncoding(s, false);
  if (enc === 'int') return ROBJ;
  if (enc === 'embstr') return jemallocSize(ROBJ + 3 + s.length + 1);
  return ROBJ + sdsSize(s.length, false);
}

/** An aggregate may size itself; `samples` bounds how many elements it looks at (0 = all). */
interface SelfSizing {
  memoryUsage(samples: number): number;
}

export function valueSize(v: Value, samples: number): number {
  if (typeof v === 'string') return stringObjectSize(v);
  const sized = v as unknown as Partial<SelfSizing>;
  if (typeof sized.memoryUsage === 'function') return ROBJ + sized.memoryUsage(samples);
  return ROBJ;
}

export function keyUsage(key: string, v: Value, samples: number): number {
  return valueSize(v, samples) + sdsSize(key.length) + DICT_ENTRY;
}
