import { defineCommand } from '@cinnabar/command-kit';
import { scriptingOf } from '../scripting.js';

export const functionKill = defineCommand({
  name: 'function|kill', arity: 2, flags: ['noscript', 'allow_busy'], acl: ['@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:one_succeeded'],
  docs: { summary: 'Kill the function currently in execution.', since: '7.0.0', group: 'scripting', complexity: 'O(1)' },
  run: (c) => scriptingOf(c.server).kill(false),
});
