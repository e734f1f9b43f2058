import { defineCommand } from '@cinnabar/command-kit';
import { scriptingOf } from '../scripting.js';

export const scriptLoad = defineCommand({
  name: 'script|load', arity: 3, flags: ['noscript', 'stale'], acl: ['@slow', '@scripting'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: { summary: 'Load the specified Lua script into the script cache.', since: '2.6.0', group: 'scripting', complexity: 'O(N) with N being the length in bytes of the script body.' },
  run: (c, argv) => {
    const loaded = scriptingOf(c.server).load(argv[2] as string);
    return loaded !== null && typeof loaded === 'object' && 'sha' in loaded && 'body' in loaded ? loaded.sha : loaded;
  },
});
