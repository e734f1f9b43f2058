import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { decodeSparse, denseRegisters, HLL_SPARSE, HllBytes, sparseToDense } from '@cinnabar/storage';
import { hllValue, invalidHll, storeHll } from './hll-lookup.js';

export const pfdebug = defineCommand({
  name: 'pfdebug', arity: 3, flags: ['write', 'denyoom', 'admin'], acl: ['@write', '@hyperloglog', '@admin', '@slow', '@dangerous'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'ACCESS'] },
  docs: {
    summary: 'Internal commands for debugging HyperLogLog values', since: '2.8.9', group: 'hyperloglog', complexity: 'N/A',
    arguments: [{ name: 'subcommand', type: 'string' }, { name: 'key', type: 'key' }],
  },
  run: ({ db, server }, argv) => {
    const sub = argv[1] as string;
    const e = db.lookup(argv[2] as string);
    if (e === undefined) throw new RedisError('ERR The specified key does not exist');
    const h = HllBytes.borrow(hllValue(e));
    e.rawString = true;
    // Converting to dense counts as a change (for propagation) but signals nothing.
    const toDense = (): boolean => {
      if (h.encoding !== HLL_SPARSE) return false;
      if (!sparseToDense(h)) throw invalidHll();
      storeHll(e, h.toString());
      server.keyspace.stats.dirty++;
      return true;
    };
    switch (sub.toLowerCase()) {
      case 'getreg':
        toDense();
        return denseRegisters(h);
      case 'decode':
        if (h.encoding !== HLL_SPARSE) throw new RedisError('ERR HLL encoding is not sparse');
        return decodeSparse(h);
      case 'encoding':
        return reply.simple(h.encoding === HLL_SPARSE ? 'sparse' : 'dense');
      case 'todense':
        return toDense() ? 1 : 0;
      default:
        throw new RedisError(`ERR Unknown PFDEBUG subcommand '${sub}'`);
    }
  },
});
