import { SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

/** From Redis 7.2: commands of this client leave the LRU/LFU of keys alone. */
export const clientNoTouch = defineCommand({
  name: 'client|no-touch', arity: 3, flags: ['noscript', 'loading', 'stale'], acl: ['@slow', '@connection'],
  docs: { summary: 'Controls whether commands sent by the client affect the LRU/LFU of accessed keys.', since: '7.2.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    const mode = (argv[2] as string).toLowerCase();
    if (mode !== 'on' && mode !== 'off') throw new SyntaxError();
    c.noTouch = mode === 'on';
    return reply.ok;
  },
});
