// Eviction under maxmemory (Redis's performEvictions): while memory in use is over the limit
// and the policy allows it, sample keys across databases and evict the best candidate — the
// idlest (LRU), the least used (LFU), the soonest to expire (TTL) or any (random). V8 frees
// memory only at its next GC, so what an eviction frees is estimated from the key's size;
// a policy with nothing left to evict (or noeviction) reports out-of-memory.

import type { Database, Entry } from '@cinnabar/storage';
import type { ServerContext } from './server-context.js';

/** Rough bytes a key holds beyond its value's own size (entry, map slot, key string). */
const KEY_OVERHEAD = 96;
/** Keys evicted per call at most, so one command never stalls on a huge dataset. */
const MAX_EVICTIONS_PER_CALL = 10_000;

function estimateBytes(e: Entry): number {
  const v = e.value;
  const size = typeof v === 'string' ? v.length : ((v as { memoryUsage?: (samples: number) => number }).memoryUsage?.(5) ?? 256);
  return KEY_OVERHEAD + e.key.length + size;
}

function score(server: ServerContext, db: Database, e: Entry, policy: string): number {
  if (policy.endsWith('-lru')) return server.keyspace.idleSeconds(e.lru);
  if (policy.endsWith('-lfu')) return 255 - db.accessFrequency(e);
  if (policy === 'volatile-ttl') return -db.expireAt(e);
  return 0;
}

/** Evict as needed; true when memory is still over the limit (commands that grow it are refused). */
export function performEvictions(server: ServerContext): boolean {
  const max = server.maxmemoryBytes;
  if (max === 0) return false;
  let used = server.usedMemoryBytes();
  if (used <= max) return false;
  const policy = server.config.get<string>('maxmemory-policy');
  if (policy === 'noeviction') return true;
  const volatileOnly = policy.startsWith('volatile-');
  const samples = server.config.get<number>('maxmemory-samples');
  for (let n = 0; n < MAX_EVICTIONS_PER_CALL && used > max; n++) {
    let best: { db: Database; e: Entry; s: number } | null = null;
    for (const db of server.keyspace.dbs) {
      for (const e of db.sample(samples, volatileOnly)) {
        const s = policy.endsWith('-random') ? server.random.next() : score(server, db, e, policy);
        if (best === null || s > best.s) best = { db, e, s };
      }
    }
    if (best === null) return true;
    used -= estimateBytes(best.e);
    best.db.evict(best.e);
  }
  return used > max;
}
