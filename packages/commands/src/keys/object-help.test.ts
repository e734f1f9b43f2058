// OBJECT HELP lists the subcommands in Redis's words.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('OBJECT HELP', () => {
  it('answers Redis\'s help lines as status replies', () => {
    const c = new Harness().client();
    const lines = c.call('OBJECT', 'help') as { simple: string }[];
    expect(lines.length).toBe(15);
    expect(lines[0]).toEqual({ simple: 'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(lines[13]).toEqual({ simple: 'HELP' });
    expect(lines[14]).toEqual({ simple: '    Prints this help.' });
  });

  it('takes no arguments', () => {
    const c = new Harness().client();
    expect(c.call('OBJECT', 'HELP', 'x')).toEqual({ error: "ERR wrong number of arguments for 'object|help' command" });
  });
});
