import { defineCommand, helpReply } from '@cinnabar/command-kit';

/** The subcommand lines between addReplyHelp's header and its HELP footer. */
const LINES = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

export const objectHelp = defineCommand({
  name: 'object|help', arity: 2, flags: ['loading', 'stale'], acl: ['@keyspace', '@slow'],
  keys: null,
  docs: { summary: 'Show helpful text about the different subcommands', since: '6.2.0', group: 'generic', complexity: 'O(1)' },
  run: () => helpReply('object', LINES),
});
