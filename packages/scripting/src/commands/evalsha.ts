import { defineCommand } from '@cinnabar/command-kit';
import { evalKeys, runEval } from './eval-generic.js';

export const evalsha = defineCommand({
  name: 'evalsha', arity: -3, flags: ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale', 'movablekeys'],
  acl: ['@slow', '@scripting'], getKeys: evalKeys,
  docs: { summary: 'Execute a Lua script server side', since: '2.6.0', group: 'scripting', complexity: 'Depends on the script that is executed.' },
  run: (c, argv) => runEval(c, argv, true, false),
});
