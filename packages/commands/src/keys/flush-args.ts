// FLUSHDB / FLUSHALL's optional ASYNC | SYNC. Cinnabar frees memory the same way for both;
// the option is still validated as Redis does.

import { SyntaxError } from '@cinnabar/common';
import { token } from '@cinnabar/command-kit';

export function checkFlushArgs(argv: readonly string[]): void {
  if (argv.length === 1) return;
  const t = token(argv[1]);
  if (argv.length === 2 && (t === 'ASYNC' || t === 'SYNC')) return;
  throw new SyntaxError();
}
