import { RedisError } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

/** Only printable ASCII without spaces, so CLIENT LIST stays splittable; '' clears. */
export function isValidClientAttr(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch < 0x21 || ch > 0x7e) return false;
  }
  return true;
}

/** CLIENT SETNAME and HELLO SETNAME. */
export function setClientName(c: ClientSession, name: string): void {
  if (!isValidClientAttr(name)) throw new RedisError('ERR Client names cannot contain spaces, newlines or special characters.');
  c.name = name;
}

export const clientSetname = defineCommand({
  name: 'client|setname', arity: 3, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  docs: { summary: 'Set the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    setClientName(c, argv[2] as string);
    return reply.ok;
  },
});
