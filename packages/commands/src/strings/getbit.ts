import { defineCommand } from '@cinnabar/command-kit';
import { getBit } from '@cinnabar/storage';
import { bitOffsetArg } from './bit-args.js';
import { maxStringBytes } from './limits.js';

export const getbit = defineCommand({
  name: 'getbit', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@bitmap', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Returns the bit value at offset in the string value stored at key', since: '2.2.0', group: 'bitmap', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const offset = bitOffsetArg(argv[2] as string, maxStringBytes(server));
    const s = db.strings.get(argv[1] as string);
    return s === null ? 0 : getBit(s, offset);
  },
});
