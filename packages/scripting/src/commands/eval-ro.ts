import { defineCommand } from '@cinnabar/command-kit';
import { evalKeys, runEval } from './eval-generic.js';

export const evalRo = defineCommand({
  name: 'eval_ro', arity: -3, flags: ['noscript', 'skip_monitor', 'no_mandatory_keys', 'stale', 'readonly', 'movablekeys'],
  acl: ['@slow', '@scripting'], getKeys: evalKeys,
  docs: { summary: 'Execute a read-only Lua script server side', since: '7.0.0', group: 'scripting', complexity: 'Depends on the script that is executed.' },
  run: (c, argv) => runEval(c, argv, false, true),
});
