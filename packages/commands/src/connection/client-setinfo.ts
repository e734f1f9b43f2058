import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { isValidClientAttr } from './client-setname.js';

/** From Redis 7.2: the client library's name and version; '' clears one. */
export const clientSetinfo = defineCommand({
  name: 'client|setinfo', arity: 4, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: { summary: 'Sets information specific to the client or connection.', since: '7.2.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    const attr = argv[2] as string;
    const value = argv[3] as string;
    const which = attr.toLowerCase();
    if (which !== 'lib-name' && which !== 'lib-ver') throw new RedisError(`ERR Unrecognized option '${attr}'`);
    if (!isValidClientAttr(value)) throw new RedisError(`ERR ${attr} cannot contain spaces, newlines or special characters.`);
    if (which === 'lib-name') c.libName = value;
    else c.libVer = value;
    return reply.ok;
  },
});
