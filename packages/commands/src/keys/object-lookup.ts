// What the OBJECT subcommands share: the key lookup Redis uses for them (no touch, no
// key-miss event) and the maxmemory settings that decide LFU and integer sharing.

import type { ClientSession } from '@cinnabar/command-kit';
import type { Entry } from '@cinnabar/storage';

export function objectLookup(c: ClientSession, key: string): Entry | undefined {
  return c.db.lookupRead(key, false, false);
}

export function lfuPolicy(c: ClientSession): boolean {
  return c.server.config.get<string>('maxmemory-policy').endsWith('-lfu');
}

/** Small integers are shared objects unless maxmemory is set with an LRU or LFU policy. */
export function sharedIntegers(c: ClientSession): boolean {
  const policy = c.server.config.get<string>('maxmemory-policy');
  return Number(c.server.config.get<number | bigint>('maxmemory')) === 0 || !(policy.endsWith('-lru') || policy.endsWith('-lfu'));
}
