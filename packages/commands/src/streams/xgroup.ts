// XGROUP: the container and its HELP; each subcommand lives in its own file.
import { defineCommand, defineContainer } from '@cinnabar/command-kit';
import { helpReply } from '@cinnabar/command-kit';
import { xgroupCreate } from './xgroup-create.js';
import { xgroupCreateconsumer } from './xgroup-createconsumer.js';
import { xgroupDelconsumer } from './xgroup-delconsumer.js';
import { xgroupDestroy } from './xgroup-destroy.js';
import { xgroupSetid } from './xgroup-setid.js';

const HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

const help = defineCommand({
  name: 'xgroup|help', arity: 2, flags: ['loading', 'stale'], acl: ['@stream', '@slow'],
  docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const xgroup = defineContainer({
  name: 'xgroup', docs: { summary: 'A container for consumer groups commands', since: '5.0.0', group: 'stream', complexity: 'Depends on subcommand.' },
}, [xgroupCreate, xgroupSetid, xgroupDestroy, xgroupCreateconsumer, xgroupDelconsumer, help]);
