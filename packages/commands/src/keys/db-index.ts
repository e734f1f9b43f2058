// Database-index arguments (MOVE, COPY … DB, SWAPDB): a C int, then a database that exists,
// with Redis's error texts; and the cluster-mode refusal those commands share.

import { NotIntegerError, RedisError } from '@cinnabar/common';
import { intArg, type ServerContext } from '@cinnabar/command-kit';
import type { Database } from '@cinnabar/storage';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** getIntFromObjectOrReply: a signed 32-bit integer, or `error`. */
export function int32Arg(s: string, error: () => Error = () => new NotIntegerError()): number {
  const v = intArg(s, error);
  if (v < INT_MIN || v > INT_MAX) throw error();
  return v;
}

/** The database an index argument names, or "ERR DB index is out of range". */
export function dbArg(server: ServerContext, s: string): Database {
  const index = int32Arg(s);
  const db = server.keyspace.dbs[index];
  if (db === undefined) throw new RedisError('ERR DB index is out of range');
  return db;
}

export function clusterEnabled(server: ServerContext): boolean {
  return server.config.get<boolean>('cluster-enabled');
}
