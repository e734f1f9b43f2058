// Proves Cinnabar's replies are byte-identical to redis-server 7.0.15's for the same scripts
// (strings, keys, expiry, transactions, pub/sub, protocol errors, RESP3), errors included.

import { afterAll, beforeAll, describe, test } from 'vitest';
import { differentialSuite, type Step } from '@cinnabar/testing';

const { same } = differentialSuite({ beforeAll, afterAll });

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LONG = 'x'.repeat(60);

describe('strings', () => {
  test('SET and GET with options, errors and arity', () => same([
    ['SET', 's:a', 'hello'],
    ['GET', 's:a'],
    ['GET', 's:missing'],
    ['SET', 's:a', 'v2', 'NX'],
    ['SET', 's:a', 'v3', 'XX', 'GET'],
    ['SET', 's:new', 'v', 'XX'],
    ['SET', 's:a', 'v', 'EX', '0'],
    ['SET', 's:a', 'v', 'PX', '-5'],
    ['SET', 's:a', 'v', 'EX', 'abc'],
    ['SET', 's:a', 'v', 'NX', 'XX'],
    ['SET', 's:a', 'v', 'EX', '10', 'PX', '100'],
    ['SET', 's:a', 'v', 'BOGUS'],
    ['SET', 's:a'],
    ['set', 's:empty', ''],
    ['GET', 's:empty'],
    ['SET', 's:bin', ALL_BYTES],
    ['GET', 's:bin'],
    ['SETNX', 's:a', 'q'],
    ['SETNX', 's:nx', 'q'],
    ['GETSET', 's:nx', 'r'],
    ['GETDEL', 's:nx'],
    ['GETDEL', 's:nx'],
  ]));

  test('APPEND, STRLEN, GETRANGE, SETRANGE', () => same([
    ['APPEND', 's:ap', 'abc'],
    ['APPEND', 's:ap', 'def'],
    ['STRLEN', 's:ap'],
    ['STRLEN', 's:nothing'],
    ['GETRANGE', 's:ap', '1', '-2'],
    ['GETRANGE', 's:ap', '0', '-100'],
    ['GETRANGE', 's:ap', '-100', '100'],
    ['GETRANGE', 's:ap', '4', '2'],
    ['SUBSTR', 's:ap', '0', '0'],
    ['SETRANGE', 's:ap', '10', 'x'],
    ['GET', 's:ap'],
    ['SETRANGE', 's:ap', '-1', 'x'],
    ['SETRANGE', 's:ap', '536870912', 'x'],
    ['SETRANGE', 's:sr', '0', ''],
    ['EXISTS', 's:sr'],
  ]));

  test('counters: INCR family, overflow and non-integers', () => same([
    ['INCR', 's:n'],
    ['INCRBY', 's:n', '10'],
    ['DECR', 's:n'],
    ['DECRBY', 's:n', '5'],
    ['INCRBYFLOAT', 's:n', '1.5'],
    ['INCRBYFLOAT', 's:n', '3.0e3'],
    ['INCR', 's:n'],
    ['SET', 's:text', 'hello'],
    ['INCR', 's:text'],
    ['INCRBY', 's:n2', 'abc'],
    ['SET', 's:max', '9223372036854775807'],
    ['INCR', 's:max'],
    ['SET', 's:min', '-9223372036854775808'],
    ['DECR', 's:min'],
    ['DECRBY', 's:min', '-9223372036854775808'],
    ['SET', 's:sp', ' 1'],
    ['INCR', 's:sp'],
    ['INCRBYFLOAT', 's:f', 'nan'],
    ['INCRBYFLOAT', 's:f', '1e400'],
    ['INCRBYFLOAT', 's:f', '0.1'],
    ['INCRBYFLOAT', 's:f', '0.2'],
  ]));

  test('MSET, MGET, MSETNX, GETEX and WRONGTYPE', () => same([
    ['MSET', 's:m1', '1', 's:m2', '2'],
    ['MGET', 's:m1', 's:m2', 's:nope'],
    ['MSET', 's:m1'],
    ['MSETNX', 's:m1', 'x', 's:m3', 'y'],
    ['MSETNX', 's:m4', 'x', 's:m5', 'y'],
    ['MGET', 's:m3', 's:m4', 's:m5'],
    ['GETEX', 's:m1', 'PERSIST'],
    ['GETEX', 's:m1', 'EX', '0'],
    ['GETEX', 's:m1', 'EX', '100', 'PX', '100'],
    ['GETEX', 's:none'],
    ['LPUSH', 's:list', 'x'],
    ['GET', 's:list'],
    ['APPEND', 's:list', 'x'],
    ['INCR', 's:list'],
    ['MGET', 's:list', 's:m1'],
    ['SET', 's:list', 'now-a-string'],
    ['GET', 's:list'],
  ]));
});

describe('keys', () => {
  test('EXISTS, DEL, TYPE, RENAME, COPY, TOUCH, UNLINK', () => same([
    ['SET', 'k:a', '1'],
    ['SET', 'k:b', '2'],
    ['EXISTS', 'k:a', 'k:b', 'k:c', 'k:a'],
    ['DEL', 'k:a', 'k:c'],
    ['DEL'],
    ['TYPE', 'k:b'],
    ['TYPE', 'k:none'],
    ['RENAME', 'k:b', 'k:c'],
    ['RENAME', 'k:none', 'k:x'],
    ['RENAME', 'k:c', 'k:c'],
    ['SET', 'k:d', '4'],
    ['RENAMENX', 'k:c', 'k:d'],
    ['RENAMENX', 'k:c', 'k:e'],
    ['COPY', 'k:e', 'k:f'],
    ['COPY', 'k:e', 'k:f'],
    ['COPY', 'k:e', 'k:f', 'REPLACE'],
    ['COPY', 'k:e', 'k:f', 'DB', 'x'],
    ['TOUCH', 'k:e', 'k:f', 'k:zz'],
    ['UNLINK', 'k:e', 'k:f', 'k:zz'],
    ['GET', 'k:d'],
  ]));

  test('SELECT, MOVE, RANDOMKEY, SCAN and KEYS on a database of one key', () => same([
    ['SELECT', '5'],
    ['RANDOMKEY'],
    ['SET', 'k:one', 'v'],
    ['RANDOMKEY'],
    ['KEYS', '*'],
    ['KEYS', 'k:o?e'],
    ['KEYS', 'nomatch*'],
    ['SCAN', '0'],
    ['SCAN', '0', 'MATCH', 'zz*', 'COUNT', '100'],
    ['SCAN', 'abc'],
    ['DBSIZE'],
    ['MOVE', 'k:one', '6'],
    ['MOVE', 'k:one', '6'],
    ['SELECT', '6'],
    ['GET', 'k:one'],
    ['MOVE', 'k:one', '6'],
    ['SELECT', '16'],
    ['SELECT', 'x'],
    ['FLUSHDB'],
    ['DBSIZE'],
    ['SELECT', '0'],
  ]));

  test('OBJECT ENCODING follows the value', () => same([
    ['SET', 'k:int', '123'],
    ['SET', 'k:emb', 'short'],
    ['SET', 'k:raw', LONG],
    ['OBJECT', 'ENCODING', 'k:int'],
    ['OBJECT', 'ENCODING', 'k:emb'],
    ['OBJECT', 'ENCODING', 'k:raw'],
    ['OBJECT', 'ENCODING', 'k:none'],
    ['APPEND', 'k:emb', 'x'],
    ['OBJECT', 'ENCODING', 'k:emb'],
  ]));

  test('unknown commands and wrong arity', () => same([
    ['FOOBAR', 'a', 'b'],
    ['FOOBAR'],
    ['GET'],
    ['GET', 'a', 'b'],
    ['EXISTS'],
    ['ECHO', 'hi'],
    ['PING', 'x'],
    ['PING', 'a', 'b'],
  ]));
});

describe('expire', () => {
  test('EXPIRE, TTL, PERSIST and the NX/XX/GT/LT options', () => same([
    ['SET', 'x:a', 'v'],
    ['EXPIRE', 'x:a', '100'],
    ['TTL', 'x:a'],
    ['PERSIST', 'x:a'],
    ['PERSIST', 'x:a'],
    ['TTL', 'x:a'],
    ['TTL', 'x:none'],
    ['PTTL', 'x:none'],
    ['EXPIRE', 'x:a', '100', 'NX'],
    ['EXPIRE', 'x:a', '200', 'NX'],
    ['EXPIRE', 'x:a', '50', 'GT'],
    ['EXPIRE', 'x:a', '300', 'GT'],
    ['TTL', 'x:a'],
    ['EXPIRE', 'x:a', '10', 'LT'],
    ['TTL', 'x:a'],
    ['EXPIRE', 'x:a', '10', 'NX', 'XX'],
    ['EXPIRE', 'x:a', '10', 'GT', 'LT'],
    ['EXPIRE', 'x:a', 'abc'],
    ['EXPIRE', 'x:a', '10', 'foo'],
    ['EXPIRE', 'x:a', '9223372036854775807'],
    ['EXPIRE', 'x:none', '10'],
  ]));

  test('keys expire and past deadlines delete at once', () => same([
    ['SET', 'x:b', 'v'],
    ['PEXPIRE', 'x:b', '1'],
    { argv: ['GET', 'x:b'], sleepMs: 30 },
    ['EXISTS', 'x:b'],
    ['SET', 'x:c', 'v'],
    ['EXPIREAT', 'x:c', '1'],
    ['EXISTS', 'x:c'],
    ['SET', 'x:d', 'v'],
    ['EXPIREAT', 'x:d', '4000000000'],
    ['EXPIRETIME', 'x:d'],
    ['PEXPIRETIME', 'x:d'],
    ['PEXPIREAT', 'x:d', '4000000000123'],
    ['PEXPIRETIME', 'x:d'],
    ['EXPIRETIME', 'x:d'],
    ['EXPIRETIME', 'x:none'],
    ['SET', 'x:e', 'v', 'EX', '100'],
    ['SET', 'x:e', 'w', 'KEEPTTL'],
    ['TTL', 'x:e'],
    ['SET', 'x:e', 'w'],
    ['TTL', 'x:e'],
    ['SETEX', 'x:f', '100', 'v'],
    ['TTL', 'x:f'],
    ['PSETEX', 'x:g', '100000', 'v'],
    ['TTL', 'x:g'],
    ['SETEX', 'x:f', '-1', 'v'],
    ['PSETEX', 'x:f', '0', 'v'],
    ['GETEX', 'x:f', 'EX', '200'],
    ['TTL', 'x:f'],
    ['GETEX', 'x:f', 'PERSIST'],
    ['TTL', 'x:f'],
  ]));
});

describe('transactions', () => {
  test('MULTI/EXEC queues and runs, runtime errors stay inside the reply', () => same([
    ['MULTI'],
    ['SET', 't:a', '1'],
    ['INCR', 't:a'],
    ['GET', 't:a'],
    ['EXEC'],
    ['MULTI'],
    ['SET', 't:b', 'x'],
    ['INCR', 't:b'],
    ['GET', 't:b'],
    ['EXEC'],
    ['MULTI'],
    ['EXEC'],
  ]));

  test('nesting, EXEC/DISCARD without MULTI and EXECABORT', () => same([
    ['EXEC'],
    ['DISCARD'],
    ['MULTI'],
    ['MULTI'],
    ['DISCARD'],
    ['MULTI'],
    ['SET', 't:c'],
    ['SET', 't:c', '1'],
    ['EXEC'],
    ['EXISTS', 't:c'],
    ['MULTI'],
    ['NOSUCHCOMMAND', 'x'],
    ['EXEC'],
    ['MULTI'],
    ['WATCH', 't:c'],
    ['DISCARD'],
  ]));

  test('WATCH aborts EXEC after another client writes the key', () => same([
    ['WATCH', 't:w'],
    { on: 'other', argv: ['SET', 't:w', '1'] },
    ['MULTI'],
    ['SET', 't:w', '2'],
    ['EXEC'],
    ['GET', 't:w'],
    ['WATCH', 't:w'],
    ['UNWATCH'],
    { on: 'other', argv: ['SET', 't:w', '3'] },
    ['MULTI'],
    ['PING'],
    ['EXEC'],
    ['WATCH', 't:w2'],
    ['MULTI'],
    ['SET', 't:w2', 'mine'],
    ['EXEC'],
  ]));
});

describe('pub/sub', () => {
  test('subscribe confirmations, messages, pattern messages and the subscribed context', () => same([
    { on: 'sub', argv: ['SUBSCRIBE', 'c1', 'c2'] },
    { on: 'pub', argv: ['PUBLISH', 'c1', 'hello'] },
    { on: 'sub', replies: 1 },
    { on: 'sub', argv: ['PSUBSCRIBE', 'c*'] },
    { on: 'pub', argv: ['PUBLISH', 'c1', 'x'] },
    { on: 'sub', replies: 2 },
    { on: 'pub', argv: ['PUBLISH', 'nobody', 'x'] },
    { on: 'pub', argv: ['PUBSUB', 'NUMSUB', 'c1', 'c9'] },
    { on: 'pub', argv: ['PUBSUB', 'NUMPAT'] },
    { on: 'sub', argv: ['PING'] },
    { on: 'sub', argv: ['PING', 'hi'] },
    { on: 'sub', argv: ['GET', 'x'] },
    { on: 'sub', argv: ['UNSUBSCRIBE', 'c1'] },
    { on: 'sub', argv: ['UNSUBSCRIBE'] },
    { on: 'sub', argv: ['PUNSUBSCRIBE'] },
    { on: 'sub', argv: ['UNSUBSCRIBE'] },
    { on: 'sub', argv: ['PUNSUBSCRIBE', 'nothing*'] },
    { on: 'sub', argv: ['GET', 'x'] },
    { on: 'pub', argv: ['SUBSCRIBE'] },
  ]));

  test('RESP3 subscribers get push frames and may run any command', () => same([
    { on: 'sub', argv: ['HELLO', '3'] },
    { on: 'sub', argv: ['SUBSCRIBE', 'r1'] },
    { on: 'pub', argv: ['PUBLISH', 'r1', 'payload'] },
    { on: 'sub', replies: 1 },
    { on: 'sub', argv: ['PING'] },
    { on: 'sub', argv: ['GET', 'p:none'] },
    { on: 'sub', argv: ['UNSUBSCRIBE', 'r1'] },
  ]));
});

describe('protocol', () => {
  const closes = (on: string, raw: string): Step => ({ on, raw, expectClose: true });
  test('malformed requests get Redis protocol errors and a closed connection', () => same([
    closes('p1', '*1\r\n$abc\r\n'),
    closes('p2', '*abc\r\n'),
    closes('p3', '*1\r\nfoo\r\n'),
    closes('p4', 'SET "a b\r\n'),
    closes('p5', '*1\r\n$536870913\r\n'),
    closes('p6', '*2147483648\r\n'),
    closes('p7', '*1\r\n$-5\r\n'),
  ]));

  test('inline commands, empty lines and empty multibulks', () => same([
    { raw: 'PING\r\n' },
    { raw: 'SET il "a b"\r\n' },
    { raw: 'GET il\r\n' },
    { raw: "ECHO 'x\\'y'\r\n" },
    { raw: 'ECHO "\\x41\\n"\r\n' },
    { raw: '\r\n\r\nPING\r\n' },
    { raw: '*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n' },
    { raw: 'PING\nPING\n', replies: 2 },
    { raw: '*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n*1\r\n$4\r\nPI', replies: 1 },
    { raw: 'NG\r\n' },
  ]));

  test('a pipelined burst in one write gets every reply in order', () => same([
    { raw: ['*3\r\n$3\r\nSET\r\n$4\r\npl:a\r\n$1\r\n1\r\n', '*2\r\n$4\r\nINCR\r\n$4\r\npl:a\r\n', 'GET pl:a\r\n', '*1\r\n$4\r\nNOPE\r\n', '*2\r\n$3\r\nDEL\r\n$4\r\npl:a\r\n'].join(''), replies: 5 },
  ]));
});

describe('HELLO 3 and RESP3 replies', () => {
  test('HELLO switches protocols and shapes replies', () => same([
    ['HELLO', '3'],
    ['PING'],
    ['SET', 'h:a', '1'],
    ['GET', 'h:a'],
    ['GET', 'h:none'],
    ['MGET', 'h:a', 'h:none'],
    ['INCRBYFLOAT', 'h:f', '1.5'],
    ['EXISTS', 'h:a'],
    ['TYPE', 'h:a'],
    ['FOOBAR'],
    ['CONFIG', 'GET', 'maxmemory-policy'],
    ['HELLO', '4'],
    ['HELLO', 'abc'],
    ['HELLO', '2'],
    ['GET', 'h:none'],
    ['CONFIG', 'GET', 'maxmemory-policy'],
    ['HELLO', '3', 'SETNAME', 'myname'],
    ['CLIENT', 'GETNAME'],
    ['HELLO'],
  ]));

  test('RESP3 null array for an aborted EXEC', () => same([
    ['HELLO', '3'],
    ['WATCH', 'h:w'],
    { on: 'other', argv: ['SET', 'h:w', '1'] },
    ['MULTI'],
    ['GET', 'h:w'],
    ['EXEC'],
    ['MULTI'],
    ['GET', 'h:w'],
    ['GET', 'h:nope'],
    ['EXEC'],
  ]));
});
