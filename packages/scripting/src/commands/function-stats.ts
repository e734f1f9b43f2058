import { performance } from 'node:perf_hooks';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

export const functionStats = defineCommand({
  name: 'function|stats', arity: 2, flags: ['noscript', 'allow_busy'], acl: ['@slow', '@scripting'],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  docs: { summary: 'Return information about the function currently running (name, description, duration)', since: '7.0.0', group: 'scripting', complexity: 'O(1)' },
  run: (c) => {
    const scripting = scriptingOf(c.server);
    const running = scripting.current;
    if (running !== null && running.isEval) {
      return reply.error('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.');
    }
    const set = scripting.functions.current;
    return reply.map([
      'running_script',
      running === null ? null : reply.map([
        'name', running.name, 'command', [...running.argv], 'duration_ms', Math.floor(performance.now() - running.startMs),
      ]),
      'engines', reply.map(['LUA', reply.map(['libraries_count', set.libraries.size, 'functions_count', set.functionCount])]),
    ]);
  },
});
