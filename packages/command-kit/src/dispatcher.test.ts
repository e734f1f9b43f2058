// The dispatcher's common checks: unknown commands and subcommands, arity, OOM refusal under
// maxmemory (also poisoning MULTI), and what it does for every command (stats, lastCommand).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('Dispatcher', () => {
  it('names unknown commands with their first arguments, and unknown subcommands', () => {
    const c = new Harness().client();
    expect(c.call('NOPE', 'a', 'b')).toEqual({ error: "ERR unknown command 'NOPE', with args beginning with: 'a' 'b' " });
    expect(c.call('CONFIG', 'NOPE')).toEqual({ error: "ERR unknown subcommand 'NOPE'. Try CONFIG HELP." });
    expect(c.call('GET')).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
  });

  it('refuses commands that may grow memory once used memory exceeds maxmemory', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v');
    c.call('CONFIG', 'SET', 'maxmemory', 1);
    expect(c.call('SET', 'k', 'w')).toEqual({ error: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(c.call('GET', 'k')).toBe('v');
    expect(c.call('DEL', 'k')).toBe(1);
    c.call('CONFIG', 'SET', 'maxmemory', 0);
    expect(c.call('SET', 'k', 'w')).toEqual({ simple: 'OK' });
  });

  it('aborts a transaction whose queueing hit the memory limit', () => {
    const h = new Harness();
    const [c, admin] = [h.client(), h.client()];
    c.call('MULTI');
    c.call('SET', 'a', '1');
    admin.call('CONFIG', 'SET', 'maxmemory', 1);
    expect(c.call('GET', 'a')).toEqual({ error: "OOM command not allowed when used memory > 'maxmemory'." });
    admin.call('CONFIG', 'SET', 'maxmemory', 0);
    expect(c.call('EXEC')).toEqual({ error: 'EXECABORT Transaction discarded because of previous errors.' });
    expect(c.call('EXISTS', 'a')).toBe(0);
  });

  it('counts calls, failures and rejections in commandstats', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v');
    c.call('INCR', 'k');
    c.call('INCR');
    const stat = h.core.stats.command('incr');
    expect([stat.calls, stat.failedCalls, stat.rejectedCalls]).toEqual([1, 1, 1]);
    expect(h.core.stats.errors.get('ERR')).toBe(2);
  });
});
