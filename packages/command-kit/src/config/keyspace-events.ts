// notify-keyspace-events: the class-flag string and the bitmask it stands for.

import { EventClass } from '@cinnabar/storage';
import { ConfigError } from './registry.js';

export const NOTIFY_KEYSPACE = 1 << 0;
export const NOTIFY_KEYEVENT = 1 << 1;
const ALL = EventClass.generic | EventClass.string | EventClass.list | EventClass.set | EventClass.hash |
  EventClass.zset | EventClass.expired | EventClass.evicted | EventClass.stream | EventClass.module;

const CHARS: [string, number][] = [
  ['g', EventClass.generic], ['$', EventClass.string], ['l', EventClass.list], ['s', EventClass.set],
  ['h', EventClass.hash], ['z', EventClass.zset], ['x', EventClass.expired], ['e', EventClass.evicted],
  ['t', EventClass.stream], ['d', EventClass.module],
];

export function parseKeyspaceEvents(text: string): number {
  let flags = 0;
  for (const ch of text) {
    const bit = CHARS.find(([c]) => c === ch)?.[1];
    if (bit !== undefined) flags |= bit;
    else if (ch === 'A') flags |= ALL;
    else if (ch === 'K') flags |= NOTIFY_KEYSPACE;
    else if (ch === 'E') flags |= NOTIFY_KEYEVENT;
    else if (ch === 'm') flags |= EventClass.keyMiss;
    else if (ch === 'n') flags |= EventClass.newKey;
    else throw new ConfigError("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
  }
  return flags;
}

export function formatKeyspaceEvents(flags: number): string {
  let out = '';
  if ((flags & ALL) === ALL) out = 'A';
  else {
    for (const [c, bit] of CHARS) if (flags & bit) out += c;
    if (flags & EventClass.newKey) out += 'n';
  }
  if (flags & NOTIFY_KEYSPACE) out += 'K';
  if (flags & NOTIFY_KEYEVENT) out += 'E';
  if (flags & EventClass.keyMiss) out += 'm';
  return out;
}
