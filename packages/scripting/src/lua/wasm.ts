// The Lua 5.1 VM (wasmoon-lua5.1's WebAssembly build) and byte-exact access to it. The module
// is instantiated once, at import time (top-level await): after that every call is synchronous.
// Strings cross the boundary as latin1 JS strings through our own buffers, never UTF-8.

import { Buffer } from 'node:buffer';
import wasmoon from 'wasmoon-lua5.1';

/** The raw C API of the WASM module, as far as Cinnabar uses it. */
export interface LuaModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  HEAP32: Int32Array;
  _malloc(n: number): number;
  _free(p: number): void;
  addFunction(fn: (...args: number[]) => number | void, sig: string): number;
  _luaL_newstate(): number;
  _lua_close(L: number): void;
  _luaL_loadbuffer(L: number, buf: number, len: number, name: number): number;
  _lua_pcall(L: number, nargs: number, nresults: number, errfunc: number): number;
  _lua_resume(L: number, nargs: number): number;
  _lua_yield(L: number, n: number): number;
  _lua_newthread(L: number): number;
  _lua_status(L: number): number;
  _lua_sethook(L: number, fn: number, mask: number, count: number): void;
  _lua_getstack(L: number, level: number, ar: number): number;
  _lua_getinfo(L: number, what: number, ar: number): number;
  _lua_gettop(L: number): number;
  _lua_checkstack(L: number, n: number): number;
  _lua_settop(L: number, idx: number): void;
  _lua_pushvalue(L: number, idx: number): void;
  _lua_remove(L: number, idx: number): void;
  _lua_insert(L: number, idx: number): void;
  _lua_replace(L: number, idx: number): void;
  _lua_xmove(from: number, to: number, n: number): void;
  _lua_type(L: number, idx: number): number;
  _lua_tonumber(L: number, idx: number): number;
  _lua_toboolean(L: number, idx: number): number;
  _lua_tolstring(L: number, idx: number, len: number): number;
  _lua_topointer(L: number, idx: number): number;
  _lua_tothread(L: number, idx: number): number;
  _lua_objlen(L: number, idx: number): number;
  _lua_pushnil(L: number): void;
  _lua_pushnumber(L: number, n: number): void;
  _lua_pushboolean(L: number, b: number): void;
  _lua_pushlstring(L: number, p: number, len: number): void;
  _lua_pushcclosure(L: number, fn: number, n: number): void;
  _lua_pushlightuserdata(L: number, p: number): void;
  _lua_createtable(L: number, narr: number, nrec: number): void;
  _lua_rawget(L: number, idx: number): void;
  _lua_rawset(L: number, idx: number): void;
  _lua_rawgeti(L: number, idx: number, n: number): void;
  _lua_rawseti(L: number, idx: number, n: number): void;
  _lua_getfield(L: number, idx: number, k: number): void;
  _lua_setfield(L: number, idx: number, k: number): void;
  _lua_next(L: number, idx: number): number;
  _lua_error(L: number): number;
  _lua_gc(L: number, what: number, data: number): number;
  _lua_setfenv(L: number, idx: number): number;
  _luaL_openlibs(L: number): void;
}

const api = await wasmoon.LuaApi.initialize();
export const lua = api.module as unknown as LuaModule;

export const LUA_REGISTRYINDEX = -10000;
export const LUA_GLOBALSINDEX = -10002;
export const LUA_MULTRET = -1;
export const LUA_YIELD = 1;
export const enum T {
  Nil = 0,
  Boolean = 1,
  LightUserdata = 2,
  Number = 3,
  String = 4,
  Table = 5,
  Function = 6,
  Userdata = 7,
  Thread = 8,
}

let scratch = lua._malloc(4096);
let scratchSize = 4096;
const lenCell = lua._malloc(8);
/** A lua_Debug record (Lua 5.1: 100-odd bytes) reused by every stack inspection. */
export const debugRecord = lua._malloc(256);
const cstrings = new Map<string, number>();

function reserve(n: number): number {
  if (n > scratchSize) {
    lua._free(scratch);
    scratchSize = Math.max(n, scratchSize * 2);
    scratch = lua._malloc(scratchSize);
  }
  return scratch;
}

/** A NUL-terminated copy of an ASCII name, interned for the life of the process. */
export function cstr(s: string): number {
  let p = cstrings.get(s);
  if (p === undefined) {
    p = lua._malloc(s.length + 1);
    const heap = lua.HEAPU8;
    for (let i = 0; i < s.length; i++) heap[p + i] = s.charCodeAt(i);
    heap[p + s.length] = 0;
    cstrings.set(s, p);
  }
  return p;
}

/** Copy a latin1 string into WASM memory (scratch, valid until the next call); returns the pointer. */
export function toHeap(s: string, extra = 0): number {
  const n = s.length;
  const p = reserve(n + extra + 1);
  const heap = lua.HEAPU8;
  if (n > 64) Buffer.from(heap.buffer, p, n).write(s, 'latin1');
  else for (let i = 0; i < n; i++) heap[p + i] = s.charCodeAt(i);
  heap[p + n] = 0;
  return p;
}

export function pushString(L: number, s: string): void {
  lua._lua_pushlstring(L, toHeap(s), s.length);
}

/** The string at idx (numbers are converted in place, as lua_tolstring does), or null. */
export function toString(L: number, idx: number): string | null {
  const p = lua._lua_tolstring(L, idx, lenCell);
  if (p === 0) return null;
  return heapString(p, lua.HEAPU32[lenCell >> 2] as number);
}

export function heapString(p: number, n: number): string {
  const heap = lua.HEAPU8;
  if (n > 64) return Buffer.from(heap.buffer, p, n).toString('latin1');
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(heap[p + i] as number);
  return s;
}

/** A NUL-terminated C string at p. */
export function cString(p: number): string {
  if (p === 0) return '';
  const heap = lua.HEAPU8;
  let e = p;
  while (heap[e] !== 0) e++;
  return heapString(p, e - p);
}

export function getField(L: number, idx: number, name: string): void {
  lua._lua_getfield(L, idx, cstr(name));
}

export function setField(L: number, idx: number, name: string): void {
  lua._lua_setfield(L, idx, cstr(name));
}

/** Register a JS function as a Lua C function (a lua_CFunction: returns its result count). */
export function cfunction(fn: (L: number) => number): number {
  return lua.addFunction(fn, 'ii');
}

export function pushCFunction(L: number, fn: number): void {
  lua._lua_pushcclosure(L, fn, 0);
}

/** Raise a Lua error with the value on top of the stack (never returns normally). */
export function raise(L: number): number {
  return lua._lua_error(L);
}

/** Raise a Lua error whose value is the string s. */
export function raiseString(L: number, s: string): number {
  pushString(L, s);
  return lua._lua_error(L);
}

/**
 * Lua 5.1's lua_State keeps nCcalls and baseCcalls as two unsigned shorts at byte 52 (wasm32
 * layout of lstate.h). A hook may yield only when no C call sits between it and the resume.
 */
export function canYield(L: number): boolean {
  const heap = lua.HEAPU8;
  const nCcalls = (heap[L + 52] as number) | ((heap[L + 53] as number) << 8);
  const baseCcalls = (heap[L + 54] as number) | ((heap[L + 55] as number) << 8);
  return nCcalls <= baseCcalls;
}

/** Source and current line of the function `level` frames up the stack of L, or null. */
export function frameInfo(L: number, level: number): { source: string; line: number; isC: boolean } | null {
  if (lua._lua_getstack(L, level, debugRecord) === 0) return null;
  lua._lua_getinfo(L, cstr('Sl'), debugRecord);
  // lua_Debug (5.1, wasm32): event, name, namewhat, what, source, currentline, nups, linedefined, …
  const i32 = lua.HEAP32;
  const base = debugRecord >> 2;
  const what = cString(i32[base + 3] as number);
  const source = cString(i32[base + 4] as number);
  const line = i32[base + 5] as number;
  return { source, line, isC: what === 'C' };
}
