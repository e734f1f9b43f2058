import { defineCommand } from '@cinnabar/command-kit';
import { globMatch } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { FUNCTION_FLAGS } from '../functions.js';
import { scriptingOf } from '../scripting.js';

export const functionList = defineCommand({
  name: 'function|list', arity: -2, flags: ['noscript'], acl: ['@slow', '@scripting'],
  tips: ['nondeterministic_output_order'],
  docs: { summary: 'List information about all the functions', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions' },
  run: (c, argv) => {
    let withCode = false;
    let pattern: string | null = null;
    for (let i = 2; i < argv.length; i++) {
      const arg = (argv[i] as string).toLowerCase();
      if (!withCode && arg === 'withcode') {
        withCode = true;
        continue;
      }
      if (pattern === null && arg === 'libraryname') {
        if (i >= argv.length - 1) return reply.error('ERR library name argument was not given');
        pattern = argv[++i] as string;
        continue;
      }
      return reply.error(`ERR Unknown argument ${argv[i]}`);
    }
    const out: Reply[] = [];
    for (const lib of scriptingOf(c.server).functions.current.libraries.values()) {
      if (pattern !== null && !globMatch(pattern, lib.name, true)) continue;
      const fns = [...lib.functions.values()].map((f) => reply.map([
        'name', f.name, 'description', f.desc,
        'flags', reply.set(FUNCTION_FLAGS.filter(([bit]) => (f.flagBits & bit) !== 0).map(([, name]) => reply.simple(name))),
      ]));
      const entry: Reply[] = ['library_name', lib.name, 'engine', lib.engine, 'functions', fns];
      if (withCode) entry.push('library_code', lib.code);
      out.push(reply.map(entry));
    }
    return out;
  },
});
