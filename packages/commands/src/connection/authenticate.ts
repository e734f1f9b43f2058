// Authentication against the one user Cinnabar knows, "default", whose password is
// requirepass (none: any password is accepted). Shared by AUTH and HELLO AUTH.

import type { ClientSession } from '@cinnabar/command-kit';

export const WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';

/** Check the pair; on success the session is authenticated as that user. */
export function authenticate(c: ClientSession, user: string, password: string): boolean {
  if (user !== 'default') return false;
  const required = c.server.config.get<string>('requirepass');
  if (required !== '' && password !== required) return false;
  c.user = user;
  c.authenticated = true;
  return true;
}

/** MONITOR and SLOWLOG show secrets as Redis does: the argument replaced in place. */
export function redact(argv: string[], index: number): void {
  if (index < argv.length) argv[index] = '(redacted)';
}
