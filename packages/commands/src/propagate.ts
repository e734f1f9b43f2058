// What commands propagate in place of themselves (the AOF and replicas see only effects):
// the deletion verb Redis's lazyfree settings choose, and the rewrite call itself.
import type { ClientSession } from '@cinnabar/command-kit';

/** Which lazyfree setting picks UNLINK over DEL for a deletion. */
export type DeletionKind = 'lazyfree-lazy-expire' | 'lazyfree-lazy-user-del' | 'lazyfree-lazy-server-del';

/** Propagate the current command as `argv` (taken only if the command wrote). */
export function propagateAs(c: ClientSession, argv: readonly string[]): void {
  c.server.propagation.rewrite(argv);
}

/** Propagate the current command as DEL key (UNLINK when the given lazyfree setting is on). */
export function propagateAsDeletion(c: ClientSession, key: string, kind: DeletionKind): void {
  propagateAs(c, [c.server.config.get<boolean>(kind) ? 'UNLINK' : 'DEL', key]);
}
