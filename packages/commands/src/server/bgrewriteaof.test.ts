// Proves BGREWRITEAOF answers what the persistence port decides and checks its arity.
import { noPersistence } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BGREWRITEAOF', () => {
  it("replies with the port's status or error", () => {
    const h = new Harness();
    const answers = [reply.simple('Background append only file rewriting started'), reply.error('ERR Background append only file rewriting already in progress')];
    h.core.persistence = { ...noPersistence, bgrewriteaof: () => answers.shift() ?? reply.ok };
    const c = h.client();
    expect(c.call('BGREWRITEAOF')).toEqual({ simple: 'Background append only file rewriting started' });
    expect(c.call('BGREWRITEAOF')).toEqual({ error: 'ERR Background append only file rewriting already in progress' });
  });

  it('refuses arguments', () => {
    expect(new Harness().client().call('BGREWRITEAOF', 'x')).toEqual({ error: "ERR wrong number of arguments for 'bgrewriteaof' command" });
  });

});
