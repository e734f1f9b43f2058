import { defineContainer } from '@cinnabar/command-kit';
import { objectEncoding } from './object-encoding.js';
import { objectFreq } from './object-freq.js';
import { objectHelp } from './object-help.js';
import { objectIdletime } from './object-idletime.js';
import { objectRefcount } from './object-refcount.js';

export const object = defineContainer(
  {
    name: 'object', acl: ['@slow'],
    docs: { summary: 'A container for object introspection commands', since: '2.2.3', group: 'generic', complexity: 'Depends on subcommand.' },
  },
  [objectHelp, objectIdletime, objectEncoding, objectRefcount, objectFreq],
);
