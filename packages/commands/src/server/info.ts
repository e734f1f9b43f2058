// INFO [section ...]: the built-in sections (a package may replace one, or add its own,
// through server.infoSections) rendered as Redis renders them, CRLF-terminated.

import { defineCommand, type ServerContext } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { BUILTIN_SECTIONS, type Fields } from './info-sections.js';

const DEFAULT = new Set(['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'module_list', 'errorstats', 'cluster', 'keyspace']);

function title(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function infoText(server: ServerContext, args: readonly string[]): string {
  let all = false;
  let everything = false;
  const wanted = new Set<string>();
  if (args.length === 0) for (const s of DEFAULT) wanted.add(s);
  for (const a of args) {
    const l = a.toLowerCase();
    if (l === 'default') for (const s of DEFAULT) wanted.add(s);
    else if (l === 'all') all = true;
    else if (l === 'everything') all = everything = true;
    else wanted.add(l);
  }
  const blocks: string[] = [];
  const render = (header: string, fields: Fields) => {
    blocks.push(`# ${header}\r\n${fields.map(([k, v]) => `${k}:${v}\r\n`).join('')}`);
  };
  const builtin = new Set<string>();
  for (const [name, header, fn] of BUILTIN_SECTIONS) {
    builtin.add(name);
    const asked = all || wanted.has(name) || (name === 'modules' && wanted.has('module_list'));
    if (!asked) continue;
    const contributed = server.infoSections.get(name);
    render(header, contributed ? contributed() : fn(server));
  }
  for (const [name, fn] of server.infoSections) {
    if (builtin.has(name)) continue;
    if (everything || wanted.has(name)) render(title(name), fn());
  }
  return blocks.join('\r\n');
}

export const info = defineCommand({
  name: 'info', arity: -1, flags: ['loading', 'stale', 'sentinel'], acl: ['@slow', '@dangerous'],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  docs: {
    summary: 'Get information and statistics about the server', since: '1.0.0', group: 'server', complexity: 'O(1)',
    arguments: [{ name: 'section', type: 'string', optional: true, multiple: true }],
  },
  run: ({ server }, argv) => reply.verbatim(infoText(server, argv.slice(1))),
});
