import { defineCommand } from '@cinnabar/command-kit';
import { stringEncoding } from '@cinnabar/storage';
import { objectLookup, sharedIntegers } from './object-lookup.js';

/** OBJ_SHARED_REFCOUNT: what Redis reports for its shared integers 0..9999. */
const SHARED_REFCOUNT = 2147483647;
const SHARED_INTEGERS = 10000;

export const objectRefcount = defineCommand({
  name: 'object|refcount', arity: 3, flags: ['readonly'], acl: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the number of references to the value of the key', since: '2.2.3', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => {
    const e = objectLookup(c, argv[2] as string);
    if (e === undefined) return null;
    const v = e.value;
    const shared = typeof v === 'string' && !e.unshared && stringEncoding(v, e.rawString) === 'int' &&
      Number(v) >= 0 && Number(v) < SHARED_INTEGERS && sharedIntegers(c);
    return shared ? SHARED_REFCOUNT : 1;
  },
});
