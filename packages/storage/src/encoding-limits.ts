// The size thresholds that decide a value's encoding (listpack vs hashtable, intset vs
// hashtable…), under Redis's config names. The app keeps them in step with CONFIG SET;
// value types read them when they grow. A value never converts back when it shrinks.

export class EncodingLimits {
  hashMaxListpackEntries = 128;
  hashMaxListpackValue = 64;
  /** list-max-listpack-size: positive = entries per node, negative = -1..-5 size classes. */
  listMaxListpackSize = -2;
  listCompressDepth = 0;
  setMaxIntsetEntries = 512;
  zsetMaxListpackEntries = 128;
  zsetMaxListpackValue = 64;
  streamNodeMaxBytes = 4096;
  streamNodeMaxEntries = 100;
  hllSparseMaxBytes = 3000;
}

/** Config parameter → field, for the app's wiring. */
export const ENCODING_LIMIT_PARAMS: readonly [string, keyof EncodingLimits][] = [
  ['hash-max-listpack-entries', 'hashMaxListpackEntries'],
  ['hash-max-listpack-value', 'hashMaxListpackValue'],
  ['list-max-listpack-size', 'listMaxListpackSize'],
  ['list-compress-depth', 'listCompressDepth'],
  ['set-max-intset-entries', 'setMaxIntsetEntries'],
  ['zset-max-listpack-entries', 'zsetMaxListpackEntries'],
  ['zset-max-listpack-value', 'zsetMaxListpackValue'],
  ['stream-node-max-bytes', 'streamNodeMaxBytes'],
  ['stream-node-max-entries', 'streamNodeMaxEntries'],
  ['hll-sparse-max-bytes', 'hllSparseMaxBytes'],
];
