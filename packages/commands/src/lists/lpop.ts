import { defineCommand } from '@cinnabar/command-kit';
import { popCommand } from './pop-generic.js';

export const lpop = defineCommand({
  name: 'lpop', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@list', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Remove and get the first elements in a list', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements returned' },
  run: popCommand('head'),
});
