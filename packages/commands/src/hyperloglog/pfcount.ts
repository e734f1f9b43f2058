import { defineCommand } from '@cinnabar/command-kit';
import { cachedCardinality, countHll, countRegisters, HLL_REGISTERS, HllBytes, mergeRegisters } from '@cinnabar/storage';
import { hllValue, invalidHll, storeHll } from './hll-lookup.js';

export const pfcount = defineCommand({
  name: 'pfcount', arity: -2, flags: ['readonly', 'may_replicate'], acl: ['@read', '@hyperloglog', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RW', 'ACCESS'] },
  docs: {
    summary: 'Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).', since: '2.8.9', group: 'hyperloglog', complexity: 'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
    arguments: [{ name: 'key', type: 'key', multiple: true }],
  },
  run: ({ db, server }, argv) => {
    if (argv.length > 2) {
      const max = new Uint8Array(HLL_REGISTERS);
      for (let i = 1; i < argv.length; i++) {
        const e = db.lookupRead(argv[i] as string);
        if (e !== undefined && !mergeRegisters(max, hllValue(e))) throw invalidHll();
      }
      return countRegisters(max);
    }
    const key = argv[1] as string;
    const e = db.lookupRead(key);
    if (e === undefined) return 0;
    const s = hllValue(e);
    e.rawString = true;
    const cached = cachedCardinality(s);
    if (cached !== -1) return cached;
    // Refresh the cache: the string changes, so the key counts as modified (no event).
    const h = HllBytes.borrow(s);
    const card = countHll(h);
    if (card === -1) throw invalidHll();
    h.setCachedCardinality(card);
    db.willChange(e);
    storeHll(e, h.toString());
    db.signal(key);
    server.keyspace.stats.dirty++;
    return card;
  },
});
