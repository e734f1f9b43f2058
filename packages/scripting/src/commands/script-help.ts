import { defineCommand, helpReply } from '@cinnabar/command-kit';

/** The subcommand lines between addReplyHelp's header and its HELP footer. */
const LINES = [
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
];

export const scriptHelp = defineCommand({
  name: 'script|help', arity: 2, flags: ['loading', 'stale'], acl: ['@slow', '@scripting'],
  docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'scripting', complexity: 'O(1)' },
  run: () => helpReply('script', LINES),
});
