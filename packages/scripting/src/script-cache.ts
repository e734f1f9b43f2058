// The EVAL script cache: SHA1 -> body and shebang flags, and the shebang parser
// (`#!lua flags=no-writes,allow-oom`) with Redis 7.0's error texts.

import { splitArgs } from '@cinnabar/resp';

export interface ScriptFlags {
  /** No shebang: Redis 6 compatible behaviour, flags come from the commands the script calls. */
  compat: boolean;
  noWrites: boolean;
  allowOom: boolean;
  allowStale: boolean;
  noCluster: boolean;
  allowCrossSlot: boolean;
}

export interface CachedScript {
  sha: string;
  body: string;
  flags: ScriptFlags;
}

const FLAG_NAMES: Record<string, keyof ScriptFlags> = {
  'no-writes': 'noWrites',
  'allow-oom': 'allowOom',
  'allow-stale': 'allowStale',
  'no-cluster': 'noCluster',
  'allow-cross-slot-keys': 'allowCrossSlot',
};

/** The flags of a script body and the length of its shebang line (0 without one), or an error text. */
export function parseShebang(body: string): { flags: ScriptFlags; shebangLength: number } | { error: string } {
  const flags: ScriptFlags = { compat: true, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlot: false };
  if (!body.startsWith('#!')) return { flags, shebangLength: 0 };
  const end = body.indexOf('\n');
  if (end < 0) return { error: 'ERR Invalid script shebang' };
  const parts = splitArgs(body.slice(0, end));
  if (parts === null || parts.length === 0) return { error: 'ERR Invalid engine in script shebang' };
  if (parts[0] !== '#!lua') return { error: `ERR Unexpected engine in script shebang: ${parts[0]}` };
  flags.compat = false;
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `ERR Unknown lua shebang option: ${part}` };
    const list = part.slice(6);
    if (list === '') continue;
    for (const name of list.split(',')) {
      const key = FLAG_NAMES[name];
      if (key === undefined) return { error: `ERR Unexpected flag in script shebang: ${name}` };
      flags[key] = true;
    }
  }
  return { flags, shebangLength: end };
}

export class ScriptCache {
  private readonly bySha = new Map<string, CachedScript>();
  private readonly shaByBody = new Map<string, string>();

  get size(): number {
    return this.bySha.size;
  }

  get(sha: string): CachedScript | undefined {
    return this.bySha.get(sha);
  }

  shaOfBody(body: string): string | undefined {
    return this.shaByBody.get(body);
  }

  add(script: CachedScript): void {
    this.bySha.set(script.sha, script);
    this.shaByBody.set(script.body, script.sha);
  }

  clear(): void {
    this.bySha.clear();
    this.shaByBody.clear();
  }

  /** Bytes of script bodies and their SHA keys (INFO used_memory_scripts_eval, roughly). */
  memoryBytes(): number {
    let n = 0;
    for (const s of this.bySha.values()) n += s.body.length + 40 + 64;
    return n;
  }
}
