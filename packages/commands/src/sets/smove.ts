// SMOVE: srem from the source (del when it empties), then sadd into the destination, created
// as SADD would; a key moved onto itself only answers membership.

import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, SetValue } from '@cinnabar/storage';
import { removeIfEmpty, setOf } from './set-lookup.js';

export const smove = defineCommand({
  name: 'smove', arity: 4, flags: ['write', 'fast'], acl: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE', 'INSERT'] },
  docs: { summary: 'Move a member from one set to another', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const [, srcKey, dstKey, member] = argv as [string, string, string, string];
    const srcEntry = db.lookup(srcKey);
    const dstEntry = db.lookup(dstKey);
    if (srcEntry === undefined) return 0;
    const src = setOf(srcEntry);
    let dst = dstEntry === undefined ? undefined : setOf(dstEntry);
    if (src === dst) return src.has(member) ? 1 : 0;
    if (!src.delete(member)) return 0;
    db.changed(srcKey, EventClass.set, 'srem');
    if (removeIfEmpty(db, srcEntry)) db.notify(srcKey, EventClass.generic, 'del');
    if (dst === undefined) {
      dst = SetValue.forMember(member);
      db.add(dstKey, dst);
    }
    if (dst.add(member, server.keyspace.limits)) db.changed(dstKey, EventClass.set, 'sadd');
    return 1;
  },
});
