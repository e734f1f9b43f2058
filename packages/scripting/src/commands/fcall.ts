import { defineCommand } from '@cinnabar/command-kit';
import { evalKeys } from './eval-generic.js';
import { runFcall } from './fcall-generic.js';

export const fcall = defineCommand({
  name: 'fcall', arity: -3, flags: ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale', 'movablekeys'],
  acl: ['@slow', '@scripting'], getKeys: evalKeys,
  docs: { summary: 'Invoke a function', since: '7.0.0', group: 'scripting', complexity: 'Depends on the function that is executed.' },
  run: (c, argv) => runFcall(c, argv, false),
});
