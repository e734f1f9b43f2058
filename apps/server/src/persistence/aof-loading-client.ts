// The fake client AOF loading runs commands through (Redis's createAOFClient): no socket,
// no reply sent, commands run straight (no ACL/OOM/stats checks), MULTI queued without
// replies; an error reply is logged as Redis's "== CRITICAL ==" line and loading goes on.

import { ClientSession, type ClientLink, errorReplyOf, type Log, type ServerCore } from '@cinnabar/command-kit';
import type { AofCommandSink } from '@cinnabar/persistence';
import { isErrorReply, type Reply } from '@cinnabar/resp';

/** Redis's CLIENT_ID_AOF is UINT64_MAX; ours only has to stay out of the registry's range. */
const AOF_CLIENT_ID = Number.MAX_SAFE_INTEGER;

class SilentLink implements ClientLink {
  readonly remoteAddress = '';
  readonly localAddress = '';
  readonly fd = -1;
  constructor(private readonly onReply: (r: Reply) => void) {}
  write(r: Reply): void {
    this.onReply(r);
  }
  close(): void {}
  queryBufferBytes(): number {
    return 0;
  }
  outputBufferBytes(): number {
    return 0;
  }
}

function errorsIn(r: Reply): string[] {
  if (r !== null && typeof r === 'object') {
    if (isErrorReply(r)) return [r.text];
    if (Array.isArray(r)) return r.flatMap((x) => (x !== null && typeof x === 'object' && isErrorReply(x) ? [x.text] : []));
  }
  return [];
}

export class AofLoadingClient implements AofCommandSink {
  private session!: ClientSession;
  private command = '';

  constructor(private readonly core: ServerCore, private readonly log: Log) {
    this.reset();
  }

  reset(): void {
    const link = new SilentLink((r) => {
      for (const text of errorsIn(r)) {
        this.log.warn(`== CRITICAL == This server is sending an error to its AOF-loading-client: '${text}' after processing the command '${this.command}'`);
      }
    });
    this.session = new ClientSession(AOF_CLIENT_ID, link, this.core);
    this.session.mustObey = true;
  }

  exists(argv: readonly string[]): boolean {
    return this.core.commands.resolve(argv as string[]) !== undefined;
  }

  execute(argv: string[]): void {
    const def = this.core.commands.resolve(argv);
    if (def === undefined) return;
    const c = this.session;
    this.command = def.name;
    if (c.multi !== null && def.name !== 'exec') {
      c.multi.push({ def, argv });
      return;
    }
    c.argv = argv;
    let r: Reply | undefined;
    try {
      r = def.run(c, argv);
    } catch (e) {
      r = errorReplyOf(e, this.log);
    }
    if (r !== undefined) c.reply(r);
  }

  inMulti(): boolean {
    return this.session.multi !== null;
  }
}
