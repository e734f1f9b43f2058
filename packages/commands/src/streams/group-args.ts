// XGROUP's common preamble (Redis's xgroupCommand): MKSTREAM/ENTRIESREAD options, the key
// (WRONGTYPE, or "requires the key to exist"), and the group for the subcommands that need it.

import { RedisError } from '@cinnabar/common';
import { type ClientSession, intArg } from '@cinnabar/command-kit';
import type { ConsumerGroup, StreamValue } from '@cinnabar/storage';
import { subcommandSyntaxError } from '@cinnabar/command-kit';
import { writeStream } from './stream-ops.js';

export interface GroupArgs {
  s: StreamValue | undefined;
  group: ConsumerGroup | undefined;
  mkstream: boolean;
  entriesRead: number;
}

export function groupArgs(c: ClientSession, argv: readonly string[], opts: { create?: boolean; setid?: boolean; needGroup?: boolean }): GroupArgs {
  let mkstream = false;
  let entriesRead = -1;
  for (let i = 5; i < argv.length;) {
    const o = (argv[i] as string).toUpperCase();
    if (opts.create && o === 'MKSTREAM') {
      mkstream = true;
      i++;
    } else if ((opts.create || opts.setid) && o === 'ENTRIESREAD' && i + 1 < argv.length) {
      entriesRead = intArg(argv[i + 1] as string);
      if (entriesRead < 0 && entriesRead !== -1) throw new RedisError('ERR value for ENTRIESREAD must be positive or -1');
      i += 2;
    } else {
      throw new RedisError(subcommandSyntaxError(argv));
    }
  }
  const s = writeStream(c.db, argv[2] as string);
  let group: ConsumerGroup | undefined;
  if (!mkstream) {
    if (s === undefined) {
      throw new RedisError('ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.');
    }
    group = s.groups.get(argv[3] as string);
    if (group === undefined && opts.needGroup) {
      throw new RedisError(`NOGROUP No such consumer group '${argv[3]}' for key name '${argv[2]}'`);
    }
  }
  return { s, group, mkstream, entriesRead };
}
