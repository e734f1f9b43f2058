// Busy scripts: past busy-reply-threshold a script is suspended between slices, other clients
// get BUSY, SCRIPT KILL stops a read-only script, writes make it unkillable, and the script's
// effects still leave as one batch.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';
import { evalCommands } from './index.js';

const BUSY = { error: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.' };

function harness(): Harness {
  const h = new Harness({ config: { 'busy-reply-threshold': '10' } });
  if (h.core.commands.lookup('eval') === undefined) h.core.commands.addAll(evalCommands);
  return h;
}

const turn = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('busy scripts', () => {
  it('answers BUSY to others until SCRIPT KILL stops a read-only script', async () => {
    const h = harness();
    const runner = h.client();
    const other = h.client();
    expect(other.call('SCRIPT', 'KILL')).toEqual({ error: 'NOTBUSY No scripts in execution right now.' });
    expect(runner.send('EVAL', 'while true do end', 0)).toEqual([]);
    await turn();
    expect(other.call('PING')).toEqual(BUSY);
    expect(other.call('EVAL', 'return 1', 0)).toEqual(BUSY);
    expect(other.call('SCRIPT', 'KILL')).toEqual({ simple: 'OK' });
    await turn(30);
    expect(runner.drain()).toEqual([{ error: expect.stringMatching(/^ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.$/) }]);
    expect(other.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('can be killed while looping inside pcall', async () => {
    const h = harness();
    const runner = h.client();
    const other = h.client();
    runner.send('EVAL', "local f = function() while 1 do redis.call('ping') end end while 1 do pcall(f) end", 0);
    await turn(20);
    expect(other.call('PING')).toEqual(BUSY);
    expect(other.call('SCRIPT', 'KILL')).toEqual({ simple: 'OK' });
    await turn(30);
    expect(runner.drain()).toEqual([{ error: expect.stringContaining('killed by user') }]);
  });

  it('refuses to kill a script that wrote, and propagates its writes as one batch', async () => {
    const h = harness();
    const effects = h.recordEffects();
    const runner = h.client();
    const other = h.client();
    runner.send('EVAL', "redis.call('set','a','1') local t = redis.call('time')[1] + 0 while redis.call('get','stop') == false do end redis.call('set','b','2') return 'done'", 0);
    await turn(20);
    expect(other.call('SCRIPT', 'KILL')).toEqual({ error: 'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.' });
    expect(other.call('SET', 'stop', '1')).toEqual(BUSY);
    expect(effects).toEqual([]);
    // Let the script see the key: write it behind the gate, as a replica or AOF would.
    h.keyspace.db(0).strings.set('stop', '1');
    await turn(30);
    expect(runner.drain()).toEqual(['done']);
    expect(effects).toEqual([['SELECT', '0'], ['MULTI'], ['set', 'a', '1'], ['set', 'b', '2'], ['EXEC']]);
    expect(other.call('GET', 'b')).toBe('2');
  });

  it('serves clients blocked on keys the busy script pushed only after it ends', async () => {
    const h = harness();
    const blocked = h.client();
    const runner = h.client();
    const other = h.client();
    blocked.send('BLPOP', 'x', '0');
    runner.send('EVAL', "redis.call('lpush','x','y') while redis.call('get','stop') == false do end redis.call('lpush','x','z') return 1", 0);
    await turn(20);
    expect(other.call('HELLO', '2')).toMatchObject({});
    expect(blocked.drain()).toEqual([]);
    h.keyspace.db(0).strings.set('stop', '1');
    await turn(30);
    expect(runner.drain()).toEqual([1]);
    expect(blocked.drain()).toEqual([['x', 'z']]);
  });

  it('aborts a transaction whose EXEC arrives while a script is busy', async () => {
    const h = harness();
    const runner = h.client();
    const other = h.client();
    other.call('MULTI');
    other.call('INCR', 'xx');
    runner.send('EVAL', 'while true do end', 0);
    await turn(20);
    expect(other.call('EXEC')).toEqual({ error: `EXECABORT Transaction discarded because of: ${BUSY.error}` });
    expect(other.call('SCRIPT', 'KILL')).toEqual({ simple: 'OK' });
    await turn(30);
    expect(other.call('PING', 'asdf')).toBe('asdf');
    expect(other.call('GET', 'xx')).toBe(null);
  });
});
