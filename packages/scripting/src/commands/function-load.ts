import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

/** Redis stops a library's load after 500 ms, except for what it must obey (AOF loading). */
const LOAD_TIMEOUT_MS = 500;

export const functionLoad = defineCommand({
  name: 'function|load', arity: -3, flags: ['noscript', 'write', 'denyoom'], acl: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Create a function with the given arguments (name, code, description)', since: '7.0.0', group: 'scripting', complexity: 'O(1) (considering compilation time is redundant)' },
  run: (c, argv) => {
    let replace = false;
    let i = 2;
    for (; i < argv.length - 1; i++) {
      if ((argv[i] as string).toLowerCase() !== 'replace') return reply.error(`ERR Unknown option given: ${argv[i]}`);
      replace = true;
    }
    const obeyed = c.link.remoteAddress === '' && c.link.fd === -1;
    const r = scriptingOf(c.server).functions.create(argv[i] as string, replace, undefined, obeyed ? 0 : LOAD_TIMEOUT_MS);
    if (typeof r !== 'string') return reply.error(`ERR ${r.error}`);
    c.server.keyspace.stats.dirty++;
    return r;
  },
});
