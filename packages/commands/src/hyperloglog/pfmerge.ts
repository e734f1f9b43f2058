import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { EventClass, HLL_DENSE, HLL_REGISTERS, HllBytes, mergeRegisters, writeMergedRegisters } from '@cinnabar/storage';
import { hllValue, invalidHll, storeHll } from './hll-lookup.js';

export const pfmerge = defineCommand({
  name: 'pfmerge', arity: -2, flags: ['write', 'denyoom'], acl: ['@write', '@hyperloglog', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RW', 'ACCESS', 'INSERT'] },
  docs: {
    summary: 'Merge N different HyperLogLogs into a single one.', since: '2.8.9', group: 'hyperloglog', complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.',
    arguments: [{ name: 'destkey', type: 'key' }, { name: 'sourcekey', type: 'key', multiple: true }],
  },
  run: ({ db, server }, argv) => {
    const max = new Uint8Array(HLL_REGISTERS);
    let useDense = false;
    // The destination is the first source too, so it is type-checked with them.
    for (let i = 1; i < argv.length; i++) {
      const e = db.lookupRead(argv[i] as string);
      if (e === undefined) continue;
      const s = hllValue(e);
      if (s.charCodeAt(4) === HLL_DENSE) useDense = true;
      if (!mergeRegisters(max, s)) throw invalidHll();
    }
    const key = argv[1] as string;
    let e = db.lookup(key);
    let h: HllBytes;
    if (e === undefined) {
      h = HllBytes.create();
      e = db.add(key, h.toString());
    } else h = HllBytes.borrow(e.value as string);
    e.rawString = true;
    if (!writeMergedRegisters(h, max, useDense, server.keyspace.limits.hllSparseMaxBytes)) throw invalidHll();
    storeHll(e, h.toString());
    db.changed(key, EventClass.string, 'pfadd');
    return reply.ok;
  },
});
