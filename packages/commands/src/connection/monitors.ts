// The MONITOR set lives on ServerCore; ServerContext does not declare it yet, so MONITOR
// and RESET reach it through this one accessor.

import type { ClientSession, ServerContext } from '@cinnabar/command-kit';

export function monitorsOf(server: ServerContext): Set<ClientSession> {
  return (server as ServerContext & { readonly monitors: Set<ClientSession> }).monitors;
}
