// CONFIG REWRITE's file side: read the config file the server started from, let the
// registry compute the new text, and replace the file atomically (temp file, fsync,
// chmod 644, rename), as redis-server does.

import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, fchmodSync } from 'node:fs';
import type { ConfigRegistry, Log, ServerCore } from '@cinnabar/command-kit';
import { RedisError } from '@cinnabar/common';

const STRERROR: Record<string, string> = {
  EACCES: 'Permission denied', ENOENT: 'No such file or directory', EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device', EISDIR: 'Is a directory', EPERM: 'Operation not permitted', ENOTDIR: 'Not a directory',
};

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  return (code && STRERROR[code]) ?? (e instanceof Error ? e.message : String(e));
}

function readOld(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return '';
    throw e;
  }
}

function overwrite(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(3).toString('hex')}`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, Buffer.from(text, 'latin1'));
    fsyncSync(fd);
    fchmodSync(fd, 0o644 & ~process.umask());
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or never created */
    }
    throw e;
  } finally {
    closeSync(fd);
  }
}

/** Plug CONFIG REWRITE into the core when the server runs from a config file. */
export function installConfigRewrite(core: ServerCore, config: ConfigRegistry, path: string, log: Log): void {
  if (path === '') return;
  core.configRewriter = (forceAll) => {
    try {
      overwrite(path, config.rewrite(readOld(path), forceAll));
      log.info('CONFIG REWRITE executed with success.');
    } catch (e) {
      log.warn(`CONFIG REWRITE failed: ${reason(e)}`);
      throw new RedisError(forceAll ? `ERR CONFIG-REWRITE-FORCE-ALL failed: ${reason(e)}` : `ERR Rewriting config file: ${reason(e)}`);
    }
  };
}
