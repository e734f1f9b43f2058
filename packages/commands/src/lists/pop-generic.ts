// LPOP and RPOP: one element as a bulk, or with a count an array (empty for count 0,
// a null array for a missing key), the count checked before the key is looked up.

import { RedisError } from '@cinnabar/common';
import type { ClientSession } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import type { ListEnd } from '@cinnabar/storage';
import { positiveLongArg } from './list-args.js';
import { popValues, writeListEntry } from './list-ops.js';

export function popCommand(end: ListEnd) {
  return ({ db }: ClientSession, argv: string[]): Reply => {
    if (argv.length > 3) throw new RedisError(`ERR wrong number of arguments for '${(argv[0] as string).toLowerCase()}' command`);
    const hasCount = argv.length === 3;
    const count = hasCount ? positiveLongArg(argv[2] as string) : 1;
    const e = writeListEntry(db, argv[1] as string);
    if (e === undefined) return hasCount ? reply.nullArray : null;
    if (hasCount && count === 0) return [];
    const out = popValues(db, e, end, count);
    return hasCount ? out : (out[0] as string);
  };
}
