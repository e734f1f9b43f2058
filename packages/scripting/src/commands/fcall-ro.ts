import { defineCommand } from '@cinnabar/command-kit';
import { evalKeys } from './eval-generic.js';
import { runFcall } from './fcall-generic.js';

export const fcallRo = defineCommand({
  name: 'fcall_ro', arity: -3, flags: ['noscript', 'skip_monitor', 'no_mandatory_keys', 'stale', 'readonly', 'movablekeys'],
  acl: ['@slow', '@scripting'], getKeys: evalKeys,
  docs: { summary: 'Invoke a read-only function', since: '7.0.0', group: 'scripting', complexity: 'Depends on the function that is executed.' },
  run: (c, argv) => runFcall(c, argv, true),
});
