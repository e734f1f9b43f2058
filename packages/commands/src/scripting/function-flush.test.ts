// FUNCTION FLUSH accepts SYNC/ASYNC and rejects anything else with Redis's errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('FUNCTION FLUSH', () => {
  it('succeeds with no mode, SYNC or ASYNC', () => {
    const c = new Harness().client();
    expect(c.call('FUNCTION', 'FLUSH')).toEqual({ simple: 'OK' });
    expect(c.call('FUNCTION', 'FLUSH', 'sync')).toEqual({ simple: 'OK' });
    expect(c.call('FUNCTION', 'FLUSH', 'ASYNC')).toEqual({ simple: 'OK' });
  });

  it('rejects an unknown mode and extra arguments', () => {
    const c = new Harness().client();
    expect(c.call('FUNCTION', 'FLUSH', 'NOW')).toEqual({ error: 'ERR FUNCTION FLUSH only supports SYNC|ASYNC option' });
    expect(c.call('FUNCTION', 'FLUSH', 'SYNC', 'X')).toEqual({ error: 'ERR syntax error' });
  });

  it('names unknown FUNCTION subcommands in the error', () => {
    const c = new Harness().client();
    expect(c.call('FUNCTION', 'NOPE')).toEqual({ error: "ERR unknown subcommand 'NOPE'. Try FUNCTION HELP." });
  });
});
