// Proves Debian's redis-cli works against the real cinnabar-server: one-shot commands, raw
// and --no-raw formatting (errors included), and --pipe mass insertion of 10,000 keys.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, redisCli, startTarget } from '@cinnabar/testing';

let server: ManagedProcess;
beforeAll(async () => {
  server = await startTarget();
});
afterAll(async () => {
  await server?.stop();
});

const cli = (...args: string[]) => redisCli(server.port, args);

describe('redis-cli against cinnabar-server', () => {
  test('ping prints PONG', async () => {
    expect(await cli('ping')).toEqual({ code: 0, stdout: 'PONG\n', stderr: '' });
  });

  test('set then get prints OK and the value', async () => {
    expect((await cli('set', 'cli:a', 'hello world')).stdout).toBe('OK\n');
    expect((await cli('get', 'cli:a')).stdout).toBe('hello world\n');
  });

  test('--no-raw formats nil, integers, strings and errors like redis-server', async () => {
    const [nil, str, int, unknown, arity] = await Promise.all([
      cli('--no-raw', 'get', 'cli:missing'),
      cli('--no-raw', 'get', 'cli:a'),
      cli('--no-raw', 'exists', 'cli:a'),
      cli('--no-raw', 'foo', 'bar'),
      cli('--no-raw', 'get'),
    ]);
    expect(nil.stdout).toBe('(nil)\n');
    expect(str.stdout).toBe('"hello world"\n');
    expect(int.stdout).toBe('(integer) 1\n');
    expect(unknown).toEqual({ code: 0, stdout: "(error) ERR unknown command 'foo', with args beginning with: 'bar' \n", stderr: '' });
    expect(arity.stdout).toBe("(error) ERR wrong number of arguments for 'get' command\n");
  });

  test('--pipe inserts 10,000 keys and reports every reply', async () => {
    let input = '';
    for (let i = 0; i < 10_000; i++) {
      const key = `cli:mass:${i}`;
      const value = `value-${i}`;
      input += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;
    }
    const result = await redisCli(server.port, ['--pipe'], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('All data transferred. Waiting for the last reply...\nLast reply received from server.\nerrors: 0, replies: 10000\n');
    expect((await cli('get', 'cli:mass:0')).stdout).toBe('value-0\n');
    expect((await cli('get', 'cli:mass:9999')).stdout).toBe('value-9999\n');
    expect((await cli('exists', 'cli:mass:5000', 'cli:mass:10000')).stdout).toBe('1\n');
  });
});
