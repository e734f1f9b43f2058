import { defineCommand } from '@cinnabar/command-kit';
import { dumpPayloadChecks, parseFunctionsPayload } from '@cinnabar/persistence';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

/** Redis's addReplySubcommandSyntaxError. */
export function subcommandSyntaxError(argv: readonly string[]): string {
  return `ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try ${(argv[0] as string).toUpperCase()} HELP.`;
}

export const functionRestore = defineCommand({
  name: 'function|restore', arity: -3, flags: ['noscript', 'write', 'denyoom'], acl: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Restore all the functions on the given payload', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions on the payload' },
  run: (c, argv) => {
    if (argv.length > 4) return reply.error(subcommandSyntaxError(argv));
    let policy: 'FLUSH' | 'APPEND' | 'REPLACE' = 'APPEND';
    if (argv.length === 4) {
      const p = (argv[3] as string).toUpperCase();
      if (p !== 'FLUSH' && p !== 'APPEND' && p !== 'REPLACE') {
        return reply.error('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
      }
      policy = p;
    }
    const codes = parseFunctionsPayload(argv[2] as string, dumpPayloadChecks.skipChecksumValidation);
    if (!Array.isArray(codes)) return reply.error(`ERR ${codes.error}`);
    const error = scriptingOf(c.server).functions.restore(codes, policy);
    if (error !== null) return reply.error(`ERR ${error}`);
    c.server.keyspace.stats.dirty++;
    return reply.ok;
  },
});
