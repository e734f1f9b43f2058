// The libraries Redis loads besides Lua's own: bit (LuaBitOp) in JS, cjson and cmsgpack in
// Lua (lib-sources.ts) over two JS helpers for IEEE doubles; struct is not provided.

import { CJSON_SOURCE, CMSGPACK_SOURCE } from './lib-sources.js';
import { cfunction, cstr, heapString, LUA_GLOBALSINDEX, lua, pushCFunction, pushString, raiseString, setField, T, toHeap, toString } from './wasm.js';

function tobit(L: number, idx: number, name: string): number {
  const t = lua._lua_type(L, idx);
  if (t !== T.Number && (t !== T.String || Number.isNaN(Number(toString(L, idx))))) {
    raiseString(L, `bad argument #${idx} to '${name}' (number expected, got ${t === T.Nil ? 'no value' : typeName(t)})`);
  }
  const n = lua._lua_tonumber(L, idx);
  // LuaBitOp normalises through 2^52 + 2^51: round to nearest, then keep the low 32 bits.
  const r = Math.round(n);
  return Number(BigInt.asIntN(32, BigInt(Number.isFinite(r) ? r : 0)));
}

function typeName(t: number): string {
  return ['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'][t] ?? 'value';
}

function unary(name: string, f: (x: number) => number): number {
  return cfunction((L) => {
    lua._lua_pushnumber(L, f(tobit(L, 1, name)) | 0);
    return 1;
  });
}

function variadic(name: string, f: (a: number, b: number) => number): number {
  return cfunction((L) => {
    const n = lua._lua_gettop(L);
    let acc = tobit(L, 1, name);
    for (let i = 2; i <= n; i++) acc = f(acc, tobit(L, i, name));
    lua._lua_pushnumber(L, acc | 0);
    return 1;
  });
}

function shift(name: string, f: (x: number, n: number) => number): number {
  return cfunction((L) => {
    lua._lua_pushnumber(L, f(tobit(L, 1, name), tobit(L, 2, name) & 31) | 0);
    return 1;
  });
}

const bit: [string, number][] = [
  ['tobit', unary('tobit', (x) => x)],
  ['bnot', unary('bnot', (x) => ~x)],
  ['bswap', unary('bswap', (x) => ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24)))],
  ['band', variadic('band', (a, b) => a & b)],
  ['bor', variadic('bor', (a, b) => a | b)],
  ['bxor', variadic('bxor', (a, b) => a ^ b)],
  ['lshift', shift('lshift', (x, n) => x << n)],
  ['rshift', shift('rshift', (x, n) => x >>> n)],
  ['arshift', shift('arshift', (x, n) => x >> n)],
  ['rol', shift('rol', (x, n) => (x << n) | (x >>> (32 - n)))],
  ['ror', shift('ror', (x, n) => (x >>> n) | (x << (32 - n)))],
  [
    'tohex',
    cfunction((L) => {
      const x = tobit(L, 1, 'tohex');
      let n = lua._lua_type(L, 2) === T.Nil || lua._lua_type(L, 2) === -1 ? 8 : tobit(L, 2, 'tohex');
      const upper = n < 0;
      if (upper) n = -n;
      if (n > 8) n = 8;
      let s = (x >>> 0).toString(16).padStart(8, '0').slice(8 - n);
      if (upper) s = s.toUpperCase();
      pushString(L, s);
      return 1;
    }),
  ],
];

const scratch = new DataView(new ArrayBuffer(8));

const helpers: [string, number][] = [
  [
    '__cinnabar_pack_double',
    cfunction((L) => {
      scratch.setFloat64(0, lua._lua_tonumber(L, 1));
      let s = '';
      for (let i = 0; i < 8; i++) s += String.fromCharCode(scratch.getUint8(i));
      pushString(L, s);
      return 1;
    }),
  ],
  [
    '__cinnabar_unpack_float',
    cfunction((L) => {
      const s = toString(L, 1) ?? '';
      for (let i = 0; i < s.length && i < 8; i++) scratch.setUint8(i, s.charCodeAt(i));
      lua._lua_pushnumber(L, s.length === 4 ? scratch.getFloat32(0) : scratch.getFloat64(0));
      return 1;
    }),
  ],
  [
    '__cinnabar_format_number',
    cfunction((L) => {
      // cjson's "%.14g".
      const n = lua._lua_tonumber(L, 1);
      pushString(L, formatG14(n));
      return 1;
    }),
  ],
];

function formatG14(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, ex] = n.toExponential(13).split('e') as [string, string];
  const e = Number(ex);
  const trim = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e < -4 || e >= 14) return `${trim(mant)}e${e < 0 ? '-' : '+'}${Math.abs(e) < 10 ? '0' : ''}${Math.abs(e)}`;
  return trim(n.toFixed(Math.max(0, 13 - e)));
}

function runSource(L: number, name: string, src: string): void {
  const p = toHeap(src);
  if (lua._luaL_loadbuffer(L, p, src.length, cstr(`=${name}`)) !== 0 || lua._lua_pcall(L, 0, 1, 0) !== 0) {
    throw new Error(`Lua library ${name} failed to load: ${toString(L, -1)}`);
  }
  lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr(name));
}

/** Load bit, cjson and cmsgpack as globals of the fresh state L. */
export function installLibraries(L: number): void {
  lua._lua_createtable(L, 0, bit.length);
  for (const [name, fn] of bit) {
    pushCFunction(L, fn);
    setField(L, -2, name);
  }
  lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr('bit'));
  for (const [name, fn] of helpers) {
    pushCFunction(L, fn);
    lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr(name));
  }
  runSource(L, 'cjson', CJSON_SOURCE);
  runSource(L, 'cmsgpack', CMSGPACK_SOURCE);
  for (const [name] of helpers) {
    lua._lua_pushnil(L);
    lua._lua_setfield(L, LUA_GLOBALSINDEX, cstr(name));
  }
}

export { heapString };
