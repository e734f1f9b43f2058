import { defineCommand } from '@cinnabar/command-kit';
import { bitfieldHandler } from './bitfield.js';

export const bitfieldRo = defineCommand({
  name: 'bitfield_ro', arity: -2, flags: ['readonly', 'fast'], acl: ['@read', '@bitmap', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD', since: '6.0.0', group: 'bitmap', complexity: 'O(1) for each subcommand specified' },
  run: bitfieldHandler(true),
});
