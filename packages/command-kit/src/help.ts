// addReplyHelp: the header naming the command, the given lines, and the HELP footer.

import { type Reply, reply } from '@cinnabar/resp';

export function helpReply(command: string, lines: readonly string[]): Reply {
  return [
    reply.simple(`${command.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`),
    ...lines.map((l) => reply.simple(l)),
    reply.simple('HELP'),
    reply.simple('    Prints this help.'),
  ];
}

/** addReplySubcommandSyntaxError's text. */
export function subcommandSyntaxError(argv: readonly string[]): string {
  return `ERR unknown subcommand or wrong number of arguments for '${(argv[1] ?? '').slice(0, 128)}'. Try ${(argv[0] ?? '').toUpperCase()} HELP.`;
}
