import { defineCommand } from '@cinnabar/command-kit';
import { getRangeHandler } from './getrange.js';

export const substr = defineCommand({
  name: 'substr', arity: 4, flags: ['readonly'], acl: ['@read', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get a substring of the string stored at a key', since: '1.0.0', group: 'string', complexity: 'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.' },
  run: getRangeHandler,
});
