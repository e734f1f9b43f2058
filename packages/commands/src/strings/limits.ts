// proto-max-bulk-len bounds every string a command may build (APPEND, SETRANGE, bit offsets).
import type { ServerContext } from '@cinnabar/command-kit';

export function maxStringBytes(server: ServerContext): number {
  return server.config.get<number>('proto-max-bulk-len');
}
