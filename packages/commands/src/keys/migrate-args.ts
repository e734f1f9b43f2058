// MIGRATE's arguments, checked in Redis's order: the options after the timeout (COPY,
// REPLACE, AUTH, AUTH2, KEYS — the last taking every remaining argument), then the timeout
// and the database as integers. A timeout of 0 or less means Redis's default, one second.

import { int64Arg } from '@cinnabar/command-kit';
import { errors, RedisError } from '@cinnabar/common';

export interface MigrateArgs {
  host: string;
  port: string;
  dbid: number;
  /** Milliseconds each step (connect, write, each reply) may take. */
  timeoutMs: number;
  copy: boolean;
  replace: boolean;
  username: string | null;
  password: string | null;
  /** The keys named: argv[3] alone, or those after KEYS. */
  keys: string[];
}

const DEFAULT_TIMEOUT_MS = 1000;

export function parseMigrateArgs(argv: readonly string[]): MigrateArgs {
  let copy = false;
  let replace = false;
  let username: string | null = null;
  let password: string | null = null;
  let keys = [argv[3] as string];
  for (let j = 6; j < argv.length; j++) {
    const opt = (argv[j] as string).toLowerCase();
    const more = argv.length - 1 - j;
    if (opt === 'copy') copy = true;
    else if (opt === 'replace') replace = true;
    else if (opt === 'auth') {
      if (more < 1) throw errors.syntax();
      password = argv[++j] as string;
    } else if (opt === 'auth2') {
      if (more < 2) throw errors.syntax();
      username = argv[++j] as string;
      password = argv[++j] as string;
    } else if (opt === 'keys') {
      if ((argv[3] as string).length !== 0) {
        throw new RedisError('ERR When using MIGRATE KEYS option, the key argument must be set to the empty string');
      }
      keys = argv.slice(j + 1) as string[];
      break;
    } else {
      throw errors.syntax();
    }
  }
  const timeout = Number(int64Arg(argv[5] as string));
  const dbid = Number(int64Arg(argv[4] as string));
  return {
    host: argv[1] as string, port: argv[2] as string, dbid, timeoutMs: timeout <= 0 ? DEFAULT_TIMEOUT_MS : timeout,
    copy, replace, username, password, keys,
  };
}
