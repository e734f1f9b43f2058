// A Lua VM for EVAL scripts or for FUNCTION libraries (Redis keeps one of each): compiling
// scripts under their SHA1 or loading libraries, running one at a time in a coroutine (so the
// busy-script hook can suspend it), the redis.* API and the error texts Redis 7.0 composes.
// What a redis.call does on the server side is the ScriptRun's business.

import { performance } from 'node:perf_hooks';
import { formatDouble, REDIS_VERSION } from '@cinnabar/common';
import type { Reply } from '@cinnabar/resp';
import { errorTableText, popReply, pushErrorTable, pushReply } from './convert.js';
import { installLibraries } from './libs.js';
import { FUNCTION_PRELUDE, PRELUDE } from './prelude.js';
import { RAND48_MAX, rand48, srand48 } from './rand48.js';
import {
  canYield, cfunction, cstr, frameInfo, LUA_GLOBALSINDEX, LUA_REGISTRYINDEX, LUA_YIELD, lua, pushCFunction,
  pushString, raise, raiseString, setField, T, toHeap, toString,
} from './wasm.js';
import { createHash } from 'node:crypto';

/** The server side of one script execution, as the redis.* functions need it. */
export interface ScriptRun {
  /** Protocol of the script's command replies (redis.setresp). */
  resp: 2 | 3;
  /** redis.call / redis.pcall: run the command; failures come back as error replies. */
  call(argv: string[]): Reply;
  setRepl(flags: number): void;
  log(level: number, text: string): void;
  /** Asked by the count hook: suspend the script now (busy-script handling)? */
  shouldYield(): boolean;
}

/** How a start or resume ended. */
export type Outcome =
  | { kind: 'done'; reply: Reply; /** an error reply already counted by the command that failed */ counted: boolean }
  | { kind: 'yield' };

export function sha1hex(s: string): string {
  return createHash('sha1').update(s, 'latin1').digest('hex');
}

const REDIS_VERSION_NUM = REDIS_VERSION.split('.').reduce((n, p) => n * 256 + Number(p), 0);
const HOOK_COUNT = 100000;
const LUA_MASKCOUNT = 8;

let current: ScriptRun | null = null;
let hookYield = false;

function needRun(L: number, what: string): ScriptRun {
  if (current === null) {
    pushErrorTable(L, `ERR ${what} can only be called inside a script invocation`, false);
    raise(L);
  }
  return current as ScriptRun;
}

/** The arguments of a redis.* call as command arguments, or null (error table pushed). */
function argvOf(L: number): string[] | null {
  const argc = lua._lua_gettop(L);
  if (argc === 0) {
    pushErrorTable(L, 'ERR Please specify at least one argument for this redis lib call', false);
    return null;
  }
  const argv: string[] = [];
  for (let j = 1; j <= argc; j++) {
    const t = lua._lua_type(L, j);
    if (t === T.Number) argv.push(formatDouble(lua._lua_tonumber(L, j)));
    else if (t === T.String) argv.push(toString(L, j) as string);
    else break;
  }
  lua._lua_settop(L, 0);
  if (argv.length !== argc) {
    pushErrorTable(L, 'ERR Lua redis lib command arguments must be strings or integers', false);
    return null;
  }
  return argv;
}

let inCall = false;

function redisCall(L: number, raiseError: boolean): number {
  const run = needRun(L, 'redis.call/pcall');
  const argv = argvOf(L);
  if (argv === null) return raiseError ? raise(L) : 1;
  if (inCall) {
    pushErrorTable(L, 'ERR luaRedisGenericCommand() recursive call detected. Are you doing funny stuff with Lua debug hooks?', false);
    return 1;
  }
  inCall = true;
  let r: Reply;
  try {
    r = run.call(argv);
  } finally {
    inCall = false;
  }
  pushReply(L, r, run.resp);
  if (raiseError && r !== null && typeof r === 'object' && (r as { kind?: string }).kind === 'error') return raise(L);
  return 1;
}

function luaError(L: number, text: string): number {
  pushErrorTable(L, errorTableText(text), false);
  return raise(L);
}

const api = {
  call: cfunction((L) => redisCall(L, true)),
  pcall: cfunction((L) => redisCall(L, false)),
  sha1hex: cfunction((L) => {
    if (lua._lua_gettop(L) !== 1) return luaError(L, 'wrong number of arguments');
    pushString(L, sha1hex(toString(L, 1) ?? ''));
    return 1;
  }),
  errorReply: cfunction((L) => {
    if (lua._lua_gettop(L) !== 1 || lua._lua_type(L, -1) !== T.String) {
      pushErrorTable(L, 'ERR wrong number or type of arguments', false);
      return 1;
    }
    const s = toString(L, -1) as string;
    pushErrorTable(L, errorTableText(s.startsWith('-') ? s : `-${s}`), false);
    return 1;
  }),
  statusReply: cfunction((L) => {
    if (lua._lua_gettop(L) !== 1 || lua._lua_type(L, -1) !== T.String) {
      pushErrorTable(L, 'ERR wrong number or type of arguments', false);
      return 1;
    }
    lua._lua_createtable(L, 0, 1);
    lua._lua_pushvalue(L, -2);
    setField(L, -2, 'ok');
    return 1;
  }),
  log: cfunction((L) => {
    const argc = lua._lua_gettop(L);
    if (argc < 2) return luaError(L, 'redis.log() requires two arguments or more.');
    if (lua._lua_type(L, 1) !== T.Number && Number.isNaN(Number(toString(L, 1) ?? 'x'))) {
      return luaError(L, 'First argument must be a number (log level).');
    }
    const level = Math.trunc(lua._lua_tonumber(L, 1));
    if (level < 0 || level > 3) return luaError(L, 'Invalid debug level.');
    const parts: string[] = [];
    for (let j = 2; j <= argc; j++) {
      const s = toString(L, j);
      if (s !== null) parts.push(s);
    }
    current?.log(level, parts.join(' '));
    return 0;
  }),
  setresp: cfunction((L) => {
    const run = needRun(L, 'redis.setresp');
    if (lua._lua_gettop(L) !== 1) return luaError(L, 'redis.setresp() requires one argument.');
    const resp = lua._lua_tonumber(L, 1);
    if (resp !== 2 && resp !== 3) return luaError(L, 'RESP version must be 2 or 3.');
    run.resp = resp;
    return 0;
  }),
  setRepl: cfunction((L) => {
    const run = needRun(L, 'redis.set_repl');
    if (lua._lua_gettop(L) !== 1) return luaError(L, 'redis.set_repl() requires two arguments.');
    const flags = Math.trunc(lua._lua_tonumber(L, -1));
    if ((flags & ~3) !== 0) return luaError(L, 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
    run.setRepl(flags);
    return 0;
  }),
  replicateCommands: cfunction((L) => {
    lua._lua_pushboolean(L, 1);
    return 1;
  }),
  breakpoint: cfunction((L) => {
    lua._lua_pushboolean(L, 0);
    return 1;
  }),
  debug: cfunction(() => 0),
  aclCheckCmd: cfunction((L) => {
    needRun(L, 'redis.acl_check_cmd');
    const argv = argvOf(L);
    if (argv === null) return raise(L);
    if (!commandExists(argv)) return luaError(L, 'Invalid command passed to redis.acl_check_cmd()');
    lua._lua_pushboolean(L, 1);
    return 1;
  }),
  random: cfunction((L) => {
    const r = (rand48() % RAND48_MAX) / RAND48_MAX;
    const argc = lua._lua_gettop(L);
    if (argc === 0) lua._lua_pushnumber(L, r);
    else if (argc === 1) {
      const u = Math.trunc(lua._lua_tonumber(L, 1));
      if (u < 1) return raiseString(L, "bad argument #1 to 'random' (interval is empty)");
      lua._lua_pushnumber(L, Math.floor(r * u) + 1);
    } else if (argc === 2) {
      const l = Math.trunc(lua._lua_tonumber(L, 1));
      const u = Math.trunc(lua._lua_tonumber(L, 2));
      if (l > u) return raiseString(L, "bad argument #2 to 'random' (interval is empty)");
      lua._lua_pushnumber(L, Math.floor(r * (u - l + 1)) + l);
    } else return raiseString(L, 'wrong number of arguments');
    return 1;
  }),
  randomseed: cfunction((L) => {
    if (lua._lua_type(L, 1) !== T.Number && lua._lua_type(L, 1) !== T.String) {
      return raiseString(L, "bad argument #1 to 'randomseed' (number expected, got no value)");
    }
    srand48(lua._lua_tonumber(L, 1));
    return 0;
  }),
  takeHookYield: cfunction((L) => {
    lua._lua_pushboolean(L, hookYield ? 1 : 0);
    hookYield = false;
    return 1;
  }),
  canYield: cfunction((L) => {
    lua._lua_pushboolean(L, canYield(L) ? 1 : 0);
    return 1;
  }),
};

/**
 * While FUNCTION LOAD runs a library: records one redis.register_function (name, description
 * or null, flag bits) and answers its callback id, or an error text.
 */
export type Registrar = (name: string, desc: string | null, flags: number) => number | string;
let registrar: Registrar | null = null;

const registerNative = cfunction((L) => {
  const name = toString(L, 1) ?? '';
  const desc = lua._lua_type(L, 2) === T.String ? toString(L, 2) : null;
  const flags = lua._lua_tonumber(L, 3);
  const r = registrar === null ? 'redis.register_function can only be called on FUNCTION LOAD command' : registrar(name, desc, flags);
  if (typeof r === 'number') lua._lua_pushnumber(L, r);
  else pushString(L, r);
  return 1;
});

/** The ScriptRun of a library load: redis.log works, the hook stops the load past its time limit. */
class LoadRun implements ScriptRun {
  resp: 2 | 3 = 2;
  constructor(private readonly deadline: number, private readonly logTo: (level: number, text: string) => void) {}
  call(): Reply {
    return null;
  }
  setRepl(): void {}
  log(level: number, text: string): void {
    this.logTo(level, text);
  }
  shouldYield(): boolean {
    return performance.now() > this.deadline;
  }
}

/** Command lookup for redis.acl_check_cmd; the engine's owner sets it. */
let commandExists: (argv: string[]) => boolean = () => true;

const hook = lua.addFunction((L: number) => {
  if (current === null || !current.shouldYield() || !canYield(L)) return;
  hookYield = true;
  lua._lua_yield(L, 0);
}, 'vii');

function setFn(L: number, name: string, fn: number): void {
  pushCFunction(L, fn);
  setField(L, -2, name);
}

function setNum(L: number, name: string, n: number): void {
  lua._lua_pushnumber(L, n);
  setField(L, -2, name);
}

/**
 * The innermost frame of the script's own code: Redis's error handler reports the erring
 * function, or its caller when that is a C function; our Lua-written helpers (the prelude,
 * cjson, cmsgpack) stand where Redis has C, so they are skipped too.
 */
function userFrame(co: number): { source: string; line: number } | null {
  for (let level = 0; level < 64; level++) {
    const f = frameInfo(co, level);
    if (f === null) return null;
    if (!f.isC && !f.source.startsWith('=') && f.line >= 0) return f;
  }
  return null;
}

export interface CompileResult {
  sha: string;
  error: string | null;
}

export class LuaEngine {
  private L: number;
  /** The running script's thread, while a script runs or is suspended. */
  private thread = 0;
  /** Named in error texts: the script's SHA1 or the function's name. */
  private runName = '';

  /** `functions`: a VM for FUNCTION libraries rather than EVAL scripts. */
  constructor(exists: (argv: string[]) => boolean, private readonly functions = false) {
    commandExists = exists;
    this.L = LuaEngine.newState(functions);
  }

  private static newState(functions: boolean): number {
    const L = lua._luaL_newstate();
    lua._luaL_openlibs(L);
    lua._lua_createtable(L, 0, 32);
    setFn(L, 'call', api.call);
    setFn(L, 'pcall', api.pcall);
    setFn(L, 'sha1hex', api.sha1hex);
    setFn(L, 'error_reply', api.errorReply);
    setFn(L, 'status_reply', api.statusReply);
    setFn(L, 'log', api.log);
    setNum(L, 'LOG_DEBUG', 0);
    setNum(L, 'LOG_VERBOSE', 1);
    setNum(L, 'LOG_NOTICE', 2);
    setNum(L, 'LOG_WARNING', 3);
    setNum(L, 'REDIS_VERSION_NUM', REDIS_VERSION_NUM);
    pushString(L, REDIS_VERSION);
    setField(L, -2, 'REDIS_VERSION');
    setFn(L, 'setresp', api.setresp);
    setFn(L, 'set_repl', api.setRepl);
    setNum(L, 'REPL_NONE', 0);
    setNum(L, 'REPL_AOF', 1);
    setNum(L, 'REPL_SLAVE', 2);
    setNum(L, 'REPL_REPLICA', 2);
    setNum(L, 'REPL_ALL', 3);
    setFn(L, 'replicate_commands', api.replicateCommands);
    setFn(L, 'breakpoint', api.breakpoint);
    setFn(L, 'debug', api.debug);
    setFn(L, 'acl_check_cmd', api.aclCheckCmd);
    lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr('redis'));
    lua._lua_getfield(L, LUA_GLOBALSINDEX, cstr('math'));
    setFn(L, 'random', api.random);
    setFn(L, 'randomseed', api.randomseed);
    lua._lua_settop(L, 0);
    installLibraries(L);
    pushCFunction(L, api.takeHookYield);
    lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr('__cinnabar_take_hook_yield'));
    pushCFunction(L, api.canYield);
    lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr('__cinnabar_can_yield'));
    const p = toHeap(PRELUDE);
    if (lua._luaL_loadbuffer(L, p, PRELUDE.length, cstr('=prelude')) !== 0 || lua._lua_pcall(L, 0, 3, 0) !== 0) {
      throw new Error(`Lua prelude failed: ${toString(L, -1)}`);
    }
    if (functions) {
      const f = toHeap(FUNCTION_PRELUDE);
      if (lua._luaL_loadbuffer(L, f, FUNCTION_PRELUDE.length, cstr('=function_prelude')) !== 0) {
        throw new Error(`Lua function prelude failed: ${toString(L, -1)}`);
      }
      lua._lua_pushvalue(L, -2);
      pushCFunction(L, registerNative);
      if (lua._lua_pcall(L, 2, 3, 0) !== 0) throw new Error(`Lua function prelude failed: ${toString(L, -1)}`);
      lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_fns'));
      lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_set_mode'));
      lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_fenv'));
    }
    lua._lua_settop(L, -2);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_hook_sentinel'));
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_env'));
    return L;
  }

  /** SCRIPT FLUSH: a fresh VM, every compiled script forgotten. */
  reset(): void {
    lua._lua_close(this.L);
    this.thread = 0;
    this.L = LuaEngine.newState(this.functions);
  }

  has(sha: string): boolean {
    lua._lua_getfield(this.L, LUA_REGISTRYINDEX, cstr(`f_${sha}`));
    const found = lua._lua_type(this.L, -1) === T.Function;
    lua._lua_settop(this.L, -2);
    return found;
  }

  /** Compile `code` (the body after any shebang line) and keep it as f_<sha>. */
  compile(sha: string, code: string): string | null {
    const L = this.L;
    const p = toHeap(code);
    if (lua._luaL_loadbuffer(L, p, code.length, cstr('@user_script')) !== 0) {
      const msg = toString(L, -1) ?? '';
      lua._lua_settop(L, -2);
      return msg;
    }
    lua._lua_getfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_env'));
    lua._lua_setfenv(L, -2);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr(`f_${sha}`));
    return null;
  }

  get running(): boolean {
    return this.thread !== 0;
  }

  /** Start the compiled script `sha` with KEYS and ARGV; it runs until it ends or the hook suspends it. */
  start(sha: string, keys: readonly string[], args: readonly string[], run: ScriptRun): Outcome {
    const L = this.L;
    this.setArray('KEYS', keys);
    this.setArray('ARGV', args);
    const co = lua._lua_newthread(L);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_thread'));
    lua._lua_getfield(co, LUA_REGISTRYINDEX, cstr(`f_${sha}`));
    lua._lua_sethook(co, hook, LUA_MASKCOUNT, HOOK_COUNT);
    this.thread = co;
    this.runName = sha;
    return this.resume(run);
  }

  /** Start the registered function `id` (called with its keys and args tables); named `name` in errors. */
  startFunction(id: number, name: string, keys: readonly string[], args: readonly string[], run: ScriptRun): Outcome {
    const L = this.L;
    const co = lua._lua_newthread(L);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_thread'));
    lua._lua_getfield(co, LUA_REGISTRYINDEX, cstr('cinnabar_fns'));
    lua._lua_rawgeti(co, -1, id);
    lua._lua_remove(co, -2);
    pushArray(co, keys);
    pushArray(co, args);
    lua._lua_sethook(co, hook, LUA_MASKCOUNT, HOOK_COUNT);
    this.thread = co;
    this.runName = name;
    return this.resume(run, 2);
  }

  /**
   * FUNCTION LOAD's run of a library body (the code from its shebang line's newline on):
   * compiled as @user_function and run with only the library API visible, each
   * redis.register_function going to `register`. Null, or Redis's error text (without "ERR ").
   */
  loadLibrary(body: string, timeoutMs: number, register: Registrar, log: (level: number, text: string) => void): string | null {
    const L = this.L;
    const p = toHeap(body);
    if (lua._luaL_loadbuffer(L, p, body.length, cstr('@user_function')) !== 0) {
      const msg = toString(L, -1) ?? '';
      lua._lua_settop(L, -2);
      return `Error compiling function: ${msg}`;
    }
    lua._lua_getfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_fenv'));
    lua._lua_setfenv(L, -2);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_load_chunk'));
    const co = lua._lua_newthread(L);
    lua._lua_getfield(co, LUA_REGISTRYINDEX, cstr('cinnabar_load_chunk'));
    lua._lua_sethook(co, hook, LUA_MASKCOUNT, HOOK_COUNT);
    this.setMode(true);
    registrar = register;
    current = new LoadRun(timeoutMs > 0 ? performance.now() + timeoutMs : Infinity, log);
    hookYield = false;
    let status: number;
    try {
      status = lua._lua_resume(co, 0);
    } finally {
      current = null;
      registrar = null;
      this.setMode(false);
    }
    let error: string | null = null;
    if (status === LUA_YIELD) error = 'Error registering functions: ERR FUNCTION LOAD timeout';
    else if (status !== 0) {
      let msg: string;
      if (lua._lua_type(co, -1) === T.Table) {
        lua._lua_getfield(co, -1, cstr('err'));
        msg = toString(co, -1) ?? 'ERR unknown error';
      } else msg = `ERR ${toString(co, -1) ?? 'unknown error'}`;
      error = `Error registering functions: ${msg}`;
    }
    lua._lua_settop(L, -2);
    lua._lua_pushnil(L);
    lua._lua_setfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_load_chunk'));
    return error;
  }

  /** Forget registered callbacks (a library deleted, replaced or not loaded after all). */
  dropFunctions(ids: Iterable<number>): void {
    const L = this.L;
    lua._lua_getfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_fns'));
    for (const id of ids) {
      lua._lua_pushnil(L);
      lua._lua_rawseti(L, -2, id);
    }
    lua._lua_settop(L, -2);
  }

  private setMode(loading: boolean): void {
    const L = this.L;
    lua._lua_getfield(L, LUA_REGISTRYINDEX, cstr('cinnabar_set_mode'));
    lua._lua_pushboolean(L, loading ? 1 : 0);
    if (lua._lua_pcall(L, 1, 0, 0) !== 0) lua._lua_settop(L, -2);
  }

  /** Continue a suspended script (`nargs`: the arguments pushed for its first resume). */
  resume(run: ScriptRun, nargs = 0): Outcome {
    const co = this.thread;
    current = run;
    hookYield = false;
    let status: number;
    try {
      status = lua._lua_resume(co, nargs);
    } finally {
      current = null;
    }
    // A hook yield leaves nothing on the stack (and must not touch it: the suspended frame's
    // registers live there); a pcall wrapper's sentinel is discarded by the next resume.
    if (status === LUA_YIELD) return { kind: 'yield' };
    let out: Outcome;
    if (status === 0) {
      lua._lua_settop(co, 1);
      const flags = { counted: false };
      const reply = popReply(co, run.resp, flags);
      out = { kind: 'done', reply, counted: flags.counted };
    } else {
      out = this.failure(co);
    }
    this.finish();
    return out;
  }

  /** The current line of a suspended script (for SCRIPT KILL's error). */
  suspendedAt(): { source: string; line: number } | null {
    if (this.thread === 0) return null;
    // A hook yield rewinds the saved pc by one instruction, so a loop on the very first
    // instruction reports line -1: it is on the chunk's first line.
    const top = frameInfo(this.thread, 0);
    if (top !== null && !top.isC && top.line < 0 && !top.source.startsWith('=')) return { source: top.source, line: 1 };
    return userFrame(this.thread);
  }

  /** Drop the running or suspended script (SCRIPT KILL). */
  finish(): void {
    lua._lua_pushnil(this.L);
    lua._lua_setfield(this.L, LUA_REGISTRYINDEX, cstr('cinnabar_thread'));
    this.thread = 0;
    lua._lua_gc(this.L, 6 /* LUA_GCSTEP */, 50);
  }

  /** Redis's __redis__err__handler and luaCallFunction's error reply, from a failed resume. */
  private failure(co: number): Outcome {
    let msg: string;
    let counted = false;
    const t = lua._lua_type(co, -1);
    if (t === T.Table) {
      lua._lua_getfield(co, -1, cstr('err'));
      msg = toString(co, -1) ?? 'ERR unknown error';
      lua._lua_getfield(co, -2, cstr('ignore_error_stats_update'));
      counted = lua._lua_toboolean(co, -1) !== 0;
    } else if (t === T.String || t === T.Number) {
      msg = `ERR ${toString(co, -1)}`;
    } else {
      msg = `ERR ${t === T.Nil ? 'nil' : t === T.Boolean ? String(lua._lua_toboolean(co, -1) !== 0) : 'error object is not a string'}`;
    }
    const where = userFrame(co);
    if (where !== null) msg += ` script: ${this.runName}, on ${where.source}:${where.line}.`;
    return { kind: 'done', reply: { kind: 'error', text: msg.replace(/[\r\n]/g, ' ') } as Reply, counted };
  }

  private setArray(name: string, items: readonly string[]): void {
    const L = this.L;
    pushArray(L, items);
    pushString(L, name);
    lua._lua_insert(L, -2);
    lua._lua_rawset(L, LUA_GLOBALSINDEX);
  }

  /** Bytes the VM holds (INFO used_memory_lua). */
  memoryBytes(): number {
    return lua._lua_gc(this.L, 3 /* LUA_GCCOUNT */, 0) * 1024 + lua._lua_gc(this.L, 4 /* LUA_GCCOUNTB */, 0);
  }
}

function pushArray(L: number, items: readonly string[]): void {
  lua._lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushString(L, items[i] as string);
    lua._lua_rawseti(L, -2, i + 1);
  }
}
