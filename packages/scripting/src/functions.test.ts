// FUNCTION and FCALL: library headers, register_function's forms and flags, the load-time
// sandbox, LIST/STATS/DUMP/RESTORE/DELETE/FLUSH with Redis 7.0's texts, FCALL's checks and
// effects, busy functions and FUNCTION KILL vs SCRIPT KILL, and DEBUG RELOAD keeping libraries.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const lib = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const simple = (lib: string, fn: string, body: string): string =>
  `#!lua name=${lib}\nredis.register_function('${fn}', function(KEYS, ARGV)\n ${body} \nend)`;
const turn = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('FUNCTION LOAD', () => {
  it('loads a library, answers its name, and FCALL runs its functions case-insensitively', () => {
    const c = new Harness().client();
    expect(c.call('FUNCTION', 'LOAD', simple('test', 'test', "return 'hello'"))).toBe('test');
    expect(c.call('FCALL', 'test', 0)).toBe('hello');
    expect(c.call('FCALL', 'TEST', 0)).toBe('hello');
    expect(c.call('FUNCTION', 'LOAD', simple('test', 'test', "return 'x'"))).toEqual({ error: "ERR Library 'test' already exists" });
    expect(c.call('FUNCTION', 'LOAD', 'REPLACE', simple('test', 'test', "return 'hello1'"))).toBe('test');
    expect(c.call('FCALL', 'test', 0)).toBe('hello1');
  });

  it('rejects bad headers and options with Redis texts', () => {
    const c = new Harness().client();
    expect(c.call('FUNCTION', 'LOAD', 'foo', 'bar', simple('t', 't', 'return 1'))).toEqual({ error: 'ERR Unknown option given: foo' });
    expect(c.call('FUNCTION', 'LOAD', 'return 1')).toEqual({ error: 'ERR Missing library metadata' });
    expect(c.call('FUNCTION', 'LOAD', '#!lua name=x')).toEqual({ error: 'ERR Invalid library metadata' });
    expect(c.call('FUNCTION', 'LOAD', '#!lua\nreturn 1')).toEqual({ error: 'ERR Library name was not given' });
    expect(c.call('FUNCTION', 'LOAD', '#!lua name=a name=b\nreturn 1')).toEqual({ error: 'ERR Invalid metadata value, name argument was given multiple times' });
    expect(c.call('FUNCTION', 'LOAD', '#!lua name=a foo=bar\nreturn 1')).toEqual({ error: 'ERR Invalid metadata value given: foo=bar' });
    expect(c.call('FUNCTION', 'LOAD', '#! name=a\nreturn 1')).toEqual({ error: "ERR Engine '' not found" });
    expect(c.call('FUNCTION', 'LOAD', simple('bad-name', 't', 'return 1'))).toEqual({
      error: 'ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long',
    });
    expect(c.call('FUNCTION', 'LOAD', lib('a', 'bad script'))).toEqual({ error: "ERR Error compiling function: user_function:2: '=' expected near 'script'" });
    expect(c.call('FUNCTION', 'LOAD', lib('a', 'return 1'))).toEqual({ error: 'ERR No functions registered' });
    expect(c.call('FUNCTION', 'LOAD', '#!lua name="q"\nredis.register_function(\'g\', function() return 1 end)')).toBe('q');
  });

  it('runs library code with only the library API visible', () => {
    const c = new Harness().client();
    const err = (body: string): unknown => c.call('FUNCTION', 'LOAD', lib('l', body));
    expect(err('return math.random()')).toEqual({ error: "ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent global variable 'math'" });
    expect(err("return redis.call('ping')")).toEqual({ error: "ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent global variable 'call'" });
    expect(err('return redis.setresp(3)')).toEqual({ error: "ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent global variable 'setresp'" });
    expect(err('a = 1')).toEqual({ error: 'ERR Error registering functions: ERR user_function:2: Attempt to modify a readonly table' });
    expect(err('mt = getmetatable(_G)')).toEqual({ error: "ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent global variable 'getmetatable'" });
    expect(err('local x = nil\nx()')).toEqual({ error: "ERR Error registering functions: ERR user_function:3: attempt to call local 'x' (a nil value)" });
    expect(err('local a = 1\nwhile 1 do a = a + 1 end')).toEqual({ error: 'ERR Error registering functions: ERR FUNCTION LOAD timeout' });
    expect(c.call('FUNCTION', 'LOAD', lib('l', "redis.log(redis.LOG_WARNING, 'hi')\nredis.register_function('v', function() return redis.REDIS_VERSION end)"))).toBe('l');
    expect(c.call('FCALL', 'v', 0)).toBe('7.0.15');
  });

  it('checks register_function arguments as Redis', () => {
    const c = new Harness().client();
    const err = (body: string): unknown => c.call('FUNCTION', 'LOAD', lib('l', body));
    const pre = 'ERR Error registering functions: ERR ';
    expect(err('redis.register_function()')).toEqual({ error: `${pre}wrong number of arguments to redis.register_function` });
    expect(err("redis.register_function('f1')")).toEqual({ error: `${pre}calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).` });
    expect(err('redis.register_function(nil, function() end)')).toEqual({ error: `${pre}first argument to redis.register_function must be a string` });
    expect(err("redis.register_function('f', 'x')")).toEqual({ error: `${pre}second argument to redis.register_function must be a function` });
    expect(err("redis.register_function('', function() end)")).toEqual({ error: `${pre}Library names can only contain letters, numbers, or underscores(_) and must be at least one character long` });
    expect(err("redis.register_function('f', function() end)\nredis.register_function('f', function() end)")).toEqual({ error: `${pre}Function already exists in the library` });
    expect(err("redis.register_function{function_name='f', callback=function() end, flags='x'}")).toEqual({ error: `${pre}flags argument to redis.register_function must be a table representing function flags` });
    expect(err("redis.register_function{function_name='f', callback=function() end, flags={'nope'}}")).toEqual({ error: `${pre}unknown flag given` });
    expect(err("redis.register_function{function_name='f', callback=function() end, other=1}")).toEqual({ error: `${pre}unknown argument given to redis.register_function` });
    expect(err("redis.register_function{callback=function() end}")).toEqual({ error: `${pre}redis.register_function must get a function name argument` });
    expect(err("redis.register_function{function_name='f'}")).toEqual({ error: `${pre}redis.register_function must get a callback argument` });
    expect(err("redis.register_function{function_name='f', callback='x'}")).toEqual({ error: `${pre}callback argument given to redis.register_function must be a function` });
    expect(err("redis.register_function{function_name='f', callback=function() end, description={}}")).toEqual({ error: `${pre}description argument given to redis.register_function must be a string` });
  });

  it('keeps the old library when a replacement fails, and refuses function name collisions', () => {
    const c = new Harness().client();
    c.call('FUNCTION', 'LOAD', lib('lib1', "redis.register_function('f1', function() return 2 end)"));
    expect(c.call('FUNCTION', 'LOAD', 'REPLACE', lib('lib1', "redis.register_function('f1', function() return 1 end)\nredis.register_function('f2', 'x')"))).toEqual({
      error: 'ERR Error registering functions: ERR second argument to redis.register_function must be a function',
    });
    expect(c.call('FCALL', 'f1', 0)).toBe(2);
    expect(c.call('FUNCTION', 'LOAD', lib('lib2', "redis.register_function('F1', function() return 1 end)"))).toEqual({ error: 'ERR Function F1 already exists' });
    expect(c.call('FUNCTION', 'STATS')).toEqual(['running_script', null, 'engines', ['LUA', ['libraries_count', 1, 'functions_count', 1]]]);
  });
});

describe('FCALL', () => {
  it('passes keys and args as the callback arguments and propagates the writes it makes', () => {
    const h = new Harness();
    const c = h.client();
    const effects = h.recordEffects();
    c.call('FUNCTION', 'LOAD', simple('t', 't', "return redis.call('set', KEYS[1], ARGV[1])"));
    expect(c.call('FCALL', 't', 1, 'x', 'foo')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'x')).toBe('foo');
    expect(effects.slice(1)).toEqual([['FUNCTION', 'LOAD', simple('t', 't', "return redis.call('set', KEYS[1], ARGV[1])")], ['set', 'x', 'foo']]);
    expect(c.call('COMMAND', 'GETKEYS', 'FCALL', 't', 1, 'x', 'foo')).toEqual(['x']);
  });

  it('checks the function, numkeys and write flags', () => {
    const c = new Harness().client();
    expect(c.call('FCALL', 'nope', 'x')).toEqual({ error: 'ERR Function not found' });
    c.call('FUNCTION', 'LOAD', lib('t', "redis.register_function('w', function() return redis.call('set','x','1') end)\n" +
      "redis.register_function{function_name='r', callback=function() return redis.call('set','x','1') end, flags={'no-writes'}}"));
    expect(c.call('FCALL', 'w', 'bad')).toEqual({ error: 'ERR Bad number of keys provided' });
    expect(c.call('FCALL', 'w', 10, 'k')).toEqual({ error: "ERR Number of keys can't be greater than number of args" });
    expect(c.call('FCALL', 'w', -1, 'k')).toEqual({ error: "ERR Number of keys can't be negative" });
    expect(c.call('FCALL_RO', 'w', 0)).toEqual({ error: 'ERR Can not execute a script with write flag using *_ro command.' });
    expect(c.call('FCALL', 'r', 0)).toEqual({ error: 'ERR Write commands are not allowed from read-only scripts. script: r, on @user_function:3.' });
  });

  it('runs functions with the ordinary globals, not the library API', () => {
    const c = new Harness().client();
    c.call('FUNCTION', 'LOAD', lib('t', "redis.register_function('k', function() return KEYS end)\n" +
      "redis.register_function('r', function() redis.register_function('x', function() end) end)\n" +
      "local l = redis\nredis.register_function('m', function() l.register_function('x', function() end) end)\n" +
      "redis.register_function('g', function() x = 1 end)\n" +
      "redis.register_function('s', function() return string.format('%d', bit.band(7, 3)) end)"));
    expect(c.call('FCALL', 'k', 0)).toEqual({ error: "ERR user_function:2: Script attempted to access nonexistent global variable 'KEYS' script: k, on @user_function:2." });
    expect(c.call('FCALL', 'r', 0)).toEqual({ error: "ERR user_function:3: attempt to call field 'register_function' (a nil value) script: r, on @user_function:3." });
    expect(c.call('FCALL', 'm', 0)).toEqual({ error: expect.stringContaining('redis.register_function can only be called on FUNCTION LOAD command') });
    expect(c.call('FCALL', 'g', 0)).toEqual({ error: 'ERR user_function:6: Attempt to modify a readonly table script: g, on @user_function:6.' });
    expect(c.call('FCALL', 's', 0)).toBe('3');
  });
});

describe('FUNCTION LIST, DUMP, RESTORE, DELETE, FLUSH', () => {
  it('lists libraries with flags, description, code and a name pattern (RESP3 maps and sets)', () => {
    const c = new Harness().client();
    c.call('HELLO', '3');
    const code = lib('lib1', "redis.register_function{function_name='f1', callback=function() return 1 end, description='d', flags={'allow-oom', 'no-writes'}}");
    c.call('FUNCTION', 'LOAD', code);
    c.call('FUNCTION', 'LOAD', simple('other', 'f2', 'return 2'));
    const lib1 = ['library_name', 'lib1', 'engine', 'LUA', 'functions', [{ map: ['name', 'f1', 'description', 'd', 'flags', { set: [{ simple: 'no-writes' }, { simple: 'allow-oom' }] }] }]];
    expect(c.call('FUNCTION', 'LIST', 'LIBRARYNAME', 'lib*')).toEqual([{ map: lib1 }]);
    expect(c.call('FUNCTION', 'LIST', 'withcode', 'libraryname', 'lib1')).toEqual([{ map: [...lib1, 'library_code', code] }]);
    expect(c.call('FUNCTION', 'LIST', 'bad')).toEqual({ error: 'ERR Unknown argument bad' });
    expect(c.call('FUNCTION', 'LIST', 'libraryname')).toEqual({ error: 'ERR library name argument was not given' });
    expect(c.call('FUNCTION', 'LIST', 'withcode', 'withcode')).toEqual({ error: 'ERR Unknown argument withcode' });
  });

  it('dumps and restores with the FLUSH, APPEND and REPLACE policies', () => {
    const c = new Harness().client();
    c.call('FUNCTION', 'LOAD', simple('test', 'test', "return 'hello'"));
    const payload = c.call('FUNCTION', 'DUMP') as string;
    expect(c.call('FUNCTION', 'RESTORE', payload)).toEqual({ error: 'ERR Library test already exists' });
    expect(c.call('FUNCTION', 'RESTORE', 'bad')).toEqual({ error: 'ERR DUMP payload version or checksum are wrong' });
    expect(c.call('FUNCTION', 'RESTORE', payload, 'NOPE')).toEqual({ error: 'ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.' });
    expect(c.call('FUNCTION', 'RESTORE', 'a', 'b', 'c')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'RESTORE'. Try FUNCTION HELP." });
    c.call('FUNCTION', 'LOAD', 'REPLACE', simple('test', 'test', "return 'hello1'"));
    expect(c.call('FUNCTION', 'RESTORE', payload, 'REPLACE')).toEqual({ simple: 'OK' });
    expect(c.call('FCALL', 'test', 0)).toBe('hello');
    c.call('FUNCTION', 'FLUSH');
    c.call('FUNCTION', 'LOAD', simple('other', 'test', "return 'x'"));
    expect(c.call('FUNCTION', 'RESTORE', payload, 'APPEND')).toEqual({ error: 'ERR Function test already exists' });
    expect(c.call('FUNCTION', 'RESTORE', payload, 'FLUSH')).toEqual({ simple: 'OK' });
    expect(c.call('FCALL', 'test', 0)).toBe('hello');
  });

  it('deletes and flushes libraries, with Redis errors', () => {
    const c = new Harness().client();
    c.call('FUNCTION', 'LOAD', simple('test', 'test', 'return 1'));
    expect(c.call('FUNCTION', 'DELETE', 'test')).toEqual({ simple: 'OK' });
    expect(c.call('FUNCTION', 'DELETE', 'test')).toEqual({ error: 'ERR Library not found' });
    expect(c.call('FCALL', 'test', 0)).toEqual({ error: 'ERR Function not found' });
    c.call('FUNCTION', 'LOAD', simple('test', 'test', 'return 1'));
    expect(c.call('SCRIPT', 'FLUSH')).toEqual({ simple: 'OK' });
    expect(c.call('FCALL', 'test', 0)).toBe(1);
    expect(c.call('FUNCTION', 'FLUSH', 'async')).toEqual({ simple: 'OK' });
    expect(c.call('FUNCTION', 'LIST')).toEqual([]);
    expect(c.call('FUNCTION', 'FLUSH', 'bad')).toEqual({ error: 'ERR FUNCTION FLUSH only supports SYNC|ASYNC option' });
    expect(c.call('FUNCTION', 'FLUSH', 'sync', 'x')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'FLUSH'. Try FUNCTION HELP." });
    expect(c.call('FUNCTION', 'NOPE')).toEqual({ error: "ERR unknown subcommand 'NOPE'. Try FUNCTION HELP." });
  });

  it('keeps libraries across FLUSHALL and DEBUG RELOAD; RELOAD NOFLUSH fails on the existing library unless MERGE', () => {
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('FUNCTION', 'LOAD', simple('test', 'test', "return 'hello'"));
    c.call('FLUSHALL');
    expect(c.call('DEBUG', 'RELOAD')).toEqual({ simple: 'OK' });
    expect(c.call('FCALL', 'test', 0)).toBe('hello');
    expect(c.call('DEBUG', 'RELOAD', 'NOFLUSH')).toEqual({ error: 'ERR Error trying to load the RDB dump' });
    expect(c.call('DEBUG', 'RELOAD', 'NOFLUSH', 'MERGE')).toEqual({ simple: 'OK' });
    expect(c.call('FUNCTION', 'LIST')).toEqual([['library_name', 'test', 'engine', 'LUA', 'functions', [['name', 'test', 'description', null, 'flags', []]]]]);
  });
});

describe('busy functions', () => {
  it('answer BUSY naming FUNCTION KILL, show in FUNCTION STATS, and only FUNCTION KILL stops them', async () => {
    const h = new Harness({ config: { 'busy-reply-threshold': '10' } });
    const runner = h.client();
    const other = h.client();
    runner.call('FUNCTION', 'LOAD', simple('test', 'test', 'local a = 1 while true do a = a + 1 end'));
    expect(runner.send('FCALL', 'test', 0)).toEqual([]);
    await turn(20);
    const busy = { error: 'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.' };
    expect(other.call('PING')).toEqual(busy);
    expect(other.call('SCRIPT', 'KILL')).toEqual(busy);
    const stats = other.call('FUNCTION', 'STATS') as unknown[];
    expect(stats[1]).toEqual(['name', 'test', 'command', ['FCALL', 'test', '0'], 'duration_ms', expect.any(Number)]);
    expect(other.call('FUNCTION', 'KILL')).toEqual({ simple: 'OK' });
    await turn(30);
    expect(runner.drain()).toEqual([{ error: 'ERR Script killed by user with SCRIPT KILL... script: test, on @user_function:3.' }]);
    expect(other.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('FUNCTION KILL does not stop an EVAL', async () => {
    const h = new Harness({ config: { 'busy-reply-threshold': '10' } });
    const runner = h.client();
    const other = h.client();
    runner.send('EVAL', 'while true do end', 0);
    await turn(20);
    const busy = { error: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.' };
    expect(other.call('FUNCTION', 'KILL')).toEqual(busy);
    expect(other.call('FUNCTION', 'STATS')).toEqual(busy);
    expect(other.call('SCRIPT', 'KILL')).toEqual({ simple: 'OK' });
    await turn(30);
    expect(runner.drain()).toEqual([{ error: expect.stringContaining('killed by user') }]);
  });
});
