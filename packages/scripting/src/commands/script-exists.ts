import { defineCommand } from '@cinnabar/command-kit';
import { scriptingOf } from '../scripting.js';

export const scriptExists = defineCommand({
  name: 'script|exists', arity: -3, flags: ['noscript'], acl: ['@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:agg_logical_and'],
  docs: { summary: 'Check existence of scripts in the script cache.', since: '2.6.0', group: 'scripting', complexity: 'O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).' },
  run: (c, argv) => {
    const cache = scriptingOf(c.server).cache;
    return argv.slice(2).map((sha) => (cache.get(sha.toLowerCase()) !== undefined ? 1 : 0));
  },
});
