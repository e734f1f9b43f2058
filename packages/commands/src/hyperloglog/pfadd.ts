import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, hllAdd, HllBytes } from '@cinnabar/storage';
import { hllValue, invalidHll, storeHll } from './hll-lookup.js';

export const pfadd = defineCommand({
  name: 'pfadd', arity: -2, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hyperloglog', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: {
    summary: 'Adds the specified elements to the specified HyperLogLog.', since: '2.8.9', group: 'hyperloglog', complexity: 'O(1) to add every element.',
    arguments: [{ name: 'key', type: 'key' }, { name: 'element', type: 'string', optional: true, multiple: true }],
  },
  run: ({ db, server }, argv) => {
    const key = argv[1] as string;
    let e = db.lookup(key);
    let h: HllBytes;
    let updated = 0;
    if (e === undefined) {
      h = HllBytes.create();
      e = db.add(key, h.toString());
      updated++;
    } else h = HllBytes.borrow(hllValue(e));
    e.rawString = true;
    const maxBytes = server.keyspace.limits.hllSparseMaxBytes;
    for (let i = 2; i < argv.length; i++) {
      const r = hllAdd(h, argv[i] as string, maxBytes);
      if (r === -1) {
        storeHll(e, h.toString());
        throw invalidHll();
      }
      updated += r;
    }
    if (updated === 0) return 0;
    h.invalidateCache();
    storeHll(e, h.toString());
    db.changed(key, EventClass.string, 'pfadd', updated);
    return 1;
  },
});
