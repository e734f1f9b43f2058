// COMMAND and its subcommands describe the registry in Redis 7.0's shapes, and the registry
// itself is complete: every command has docs, ACL categories and a valid arity.

import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';
import { ACL_CATEGORIES, aclCategories } from './command-describe.js';

const s = (text: string) => ({ simple: text });

describe('COMMAND', () => {
  it('COMMAND INFO GET has the ten fields of Redis 7.0, key spec included', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'INFO', 'get')).toEqual([[
      'get', 2, [s('readonly'), s('fast')], 1, 1, 1, [s('@read'), s('@string'), s('@fast')], [],
      [['flags', [s('RO'), s('access')], 'begin_search', ['type', 'index', 'spec', ['index', 1]],
        'find_keys', ['type', 'range', 'spec', ['lastkey', 0, 'keystep', 1, 'limit', 0]]]],
      [],
    ]]);
  });

  it('COMMAND INFO answers null for unknown names and describes subcommands by full name', () => {
    const c = new Harness().client();
    const [unknown, sub] = c.call('COMMAND', 'INFO', 'nosuch', 'CONFIG|GET') as unknown[];
    expect(unknown).toBeNull();
    expect(sub).toEqual(['config|get', -3, [s('admin'), s('noscript'), s('loading'), s('stale')], 0, 0, 0,
      [s('@admin'), s('@slow'), s('@dangerous')], [], [], []]);
  });

  it('a negative last key stays negative and is relative in the key spec', () => {
    const c = new Harness().client();
    const [del] = c.call('COMMAND', 'INFO', 'del') as unknown[][];
    expect(del?.slice(3, 6)).toEqual([1, -1, 1]);
    expect((del?.[8] as unknown[][])[0]?.[5]).toEqual(['type', 'range', 'spec', ['lastkey', -1, 'keystep', 1, 'limit', 0]]);
  });

  it('COMMAND with no argument lists every top-level command, COUNT counts them', () => {
    const h = new Harness();
    const c = h.client();
    const all = c.call('COMMAND') as unknown[][];
    expect(all.length).toBe(h.core.commands.size);
    expect(c.call('COMMAND', 'COUNT')).toBe(h.core.commands.size);
    expect(all.map((d) => d[0])).toContain('config');
  });

  it('COMMAND LIST filters by pattern and ACL category, and rejects bad filters', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'config|*')).toEqual(
      ['config|get', 'config|set', 'config|resetstat', 'config|rewrite', 'config|help']);
    expect(c.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuchcat')).toEqual([]);
    expect(c.call('COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x')).toEqual([]);
    expect(c.call('COMMAND', 'LIST', 'FILTERBY', 'FOO', 'x')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('COMMAND', 'LIST', 'FILTERBY')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'string')).toContain('get');
  });

  it('COMMAND GETKEYS and GETKEYSANDFLAGS extract keys with Redis errors', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'GET', 'k')).toEqual(['k']);
    expect(c.call('COMMAND', 'GETKEYS', 'DEL', 'a', 'b')).toEqual(['a', 'b']);
    expect(c.call('COMMAND', 'GETKEYSANDFLAGS', 'GET', 'k')).toEqual([['k', [s('RO'), s('access')]]]);
    expect(c.call('COMMAND', 'GETKEYS', 'NOSUCH', 'k')).toEqual({ error: 'ERR Invalid command specified' });
    expect(c.call('COMMAND', 'GETKEYS', 'PING')).toEqual({ error: 'ERR The command has no key arguments' });
    expect(c.call('COMMAND', 'GETKEYS', 'GET')).toEqual({ error: 'ERR Invalid number of arguments specified for command' });
    expect(c.call('COMMAND', 'GETKEYS')).toEqual({ error: "ERR wrong number of arguments for 'command|getkeys' command" });
    expect(c.call('COMMAND', 'GETKEYS', 'MEMORY', 'USAGE', 'k')).toEqual(['k']);
  });

  it('COMMAND DOCS maps names to their docs, skipping unknown names', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'DOCS', 'get', 'nosuch')).toEqual(['get',
      ['summary', 'Get the value of a key', 'since', '1.0.0', 'group', 'string', 'complexity', 'O(1)']]);
    const [name, docs] = c.call('COMMAND', 'DOCS', 'memory') as unknown[];
    expect(name).toBe('memory');
    expect(JSON.stringify(docs)).toContain('"memory|usage"');
  });

  it('COMMAND HELP and unknown subcommands answer as Redis does', () => {
    const c = new Harness().client();
    const help = c.call('COMMAND', 'HELP') as { simple: string }[];
    expect(help[0]).toEqual(s('COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:'));
    expect(help.at(-2)).toEqual(s('HELP'));
    expect(help.length).toBe(21);
    expect(c.call('COMMAND', 'FOO')).toEqual({ error: "ERR unknown subcommand 'FOO'. Try COMMAND HELP." });
  });
});

describe('the command registry', () => {
  it('every command and subcommand has docs, ACL categories and a valid arity', () => {
    const h = new Harness();
    const problems: string[] = [];
    for (const top of h.core.commands.all()) {
      for (const def of [top, ...(top.subcommands?.values() ?? [])]) {
        if (!def.docs?.summary || !def.docs.since || !def.docs.group) problems.push(`${def.name}: docs`);
        if (aclCategories(def).length === 0) problems.push(`${def.name}: acl`);
        for (const cat of def.acl ?? []) {
          if (!(ACL_CATEGORIES as readonly string[]).includes(cat.replace(/^@/, '').toLowerCase())) problems.push(`${def.name}: acl ${cat}`);
        }
        if (!Number.isInteger(def.arity) || def.arity === 0) problems.push(`${def.name}: arity`);
        if (def.parent && !def.name.startsWith(`${def.parent.name}|`)) problems.push(`${def.name}: parent`);
        if (def.keys && def.keys.first > 0 && def.keys.step < 1) problems.push(`${def.name}: key step`);
      }
    }
    expect(problems).toEqual([]);
  });
});
