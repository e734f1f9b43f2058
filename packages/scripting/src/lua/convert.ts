// Conversions between Lua values and Cinnabar's reply model, with Redis 7.0's rules: a
// command's reply as the script sees it (RESP2 or RESP3, per redis.setresp), and a script's
// return value as the caller receives it.

import { Buffer } from 'node:buffer';
import { formatDouble } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { cstr, getField, lua, pushString, T, toString } from './wasm.js';

/** Redis's error-table text: "-CODE msg" keeps its code, a bare message gets ERR; newlines trimmed. */
export function errorTableText(text: string): string {
  let code = 'ERR';
  let msg = text;
  if (text.startsWith('-')) {
    const space = text.indexOf(' ');
    if (space < 0) msg = text.slice(1);
    else {
      code = text.slice(1, space);
      msg = text.slice(space + 1);
    }
  }
  return `${code} ${msg.replace(/^[\r\n]+|[\r\n]+$/g, '')}`;
}

/** Push {err = text} (text already in "CODE msg" form), optionally marked as counted already. */
export function pushErrorTable(L: number, text: string, counted: boolean): void {
  lua._lua_createtable(L, 0, 2);
  pushString(L, text);
  lua._lua_setfield(L, -2, cstrErr);
  if (counted) {
    lua._lua_pushboolean(L, 1);
    lua._lua_setfield(L, -2, cstrIgnore);
  }
}

const cstrErr = cstr('err');
const cstrIgnore = cstr('ignore_error_stats_update');

function pushSingleField(L: number, field: string, push: () => void): void {
  lua._lua_createtable(L, 0, 1);
  push();
  lua._lua_setfield(L, -2, cstr(field));
}

/** Push a command's reply as a script sees it under protocol `resp`. */
export function pushReply(L: number, r: Reply, resp: 2 | 3): void {
  if (lua._lua_checkstack(L, 3) === 0) throw new Error('lua stack limit reached when converting a reply');
  switch (typeof r) {
    case 'string':
      pushString(L, r);
      return;
    case 'number':
      lua._lua_pushnumber(L, r);
      return;
    case 'bigint':
      lua._lua_pushnumber(L, Number(r));
      return;
  }
  if (r === null) {
    if (resp === 2) lua._lua_pushboolean(L, 0);
    else lua._lua_pushnil(L);
    return;
  }
  if (Array.isArray(r)) {
    pushArray(L, r as readonly Reply[], resp);
    return;
  }
  if (Buffer.isBuffer(r)) {
    pushString(L, r.toString('latin1'));
    return;
  }
  const t = r as Exclude<Reply, string | number | bigint | null | Buffer | readonly Reply[]>;
  switch (t.kind) {
    case 'simple':
      pushSingleField(L, 'ok', () => pushString(L, t.text));
      return;
    case 'error':
      pushErrorTable(L, errorTableText(`-${t.text}`), true);
      return;
    case 'double':
      if (resp === 2) pushString(L, t.text ?? formatDouble(t.value));
      else pushSingleField(L, 'double', () => lua._lua_pushnumber(L, t.value));
      return;
    case 'bool':
      if (resp === 2) lua._lua_pushnumber(L, t.value ? 1 : 0);
      else lua._lua_pushboolean(L, t.value ? 1 : 0);
      return;
    case 'map':
      if (resp === 2) {
        pushArray(L, t.entries, resp);
        return;
      }
      pushSingleField(L, 'map', () => {
        lua._lua_createtable(L, 0, t.entries.length / 2);
        for (let i = 0; i + 1 < t.entries.length; i += 2) {
          pushReply(L, t.entries[i] as Reply, resp);
          pushReply(L, t.entries[i + 1] as Reply, resp);
          lua._lua_rawset(L, -3);
        }
      });
      return;
    case 'set':
      if (resp === 2) {
        pushArray(L, t.items, resp);
        return;
      }
      pushSingleField(L, 'set', () => {
        lua._lua_createtable(L, 0, t.items.length);
        for (const item of t.items) {
          pushReply(L, item, resp);
          lua._lua_pushboolean(L, 1);
          lua._lua_rawset(L, -3);
        }
      });
      return;
    case 'push':
      pushArray(L, t.items, resp);
      return;
    case 'verbatim':
      if (resp === 2) {
        pushString(L, t.text);
        return;
      }
      pushSingleField(L, 'verbatim_string', () => {
        lua._lua_createtable(L, 0, 2);
        pushString(L, t.text);
        lua._lua_setfield(L, -2, cstr('string'));
        pushString(L, t.format);
        lua._lua_setfield(L, -2, cstr('format'));
      });
      return;
    case 'bignum':
      if (resp === 2) pushString(L, t.digits);
      else pushSingleField(L, 'big_number', () => pushString(L, t.digits));
      return;
    case 'nullarray':
      if (resp === 2) lua._lua_pushboolean(L, 0);
      else lua._lua_pushnil(L);
      return;
    case 'attribute':
      pushReply(L, t.reply, resp);
      return;
    case 'raw':
      pushString(L, typeof t.data === 'string' ? t.data : t.data.toString('latin1'));
      return;
  }
}

function pushArray(L: number, items: readonly Reply[], resp: 2 | 3): void {
  lua._lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushReply(L, items[i] as Reply, resp);
    lua._lua_rawseti(L, -2, i + 1);
  }
}

/** Raw field `name` of the table at idx, pushed; returns its type. */
function rawField(L: number, idx: number, name: string): number {
  pushString(L, name);
  lua._lua_rawget(L, idx < 0 ? idx - 1 : idx);
  return lua._lua_type(L, -1);
}

const INT64_MIN = -(2n ** 63n);

/** C's (long long) cast of a double, as Redis converts a Lua number to an integer reply. */
export function luaNumberToInteger(n: number): number | bigint {
  if (!Number.isFinite(n)) return INT64_MIN;
  const t = Math.trunc(n);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  const b = BigInt(t);
  return b >= 2n ** 63n || b < INT64_MIN ? INT64_MIN : b;
}

/**
 * Convert the value on top of L's stack into the caller's reply and pop it. `scriptResp` is the
 * script's protocol (booleans), `counted` collects whether an error reply was counted already.
 */
export function popReply(L: number, scriptResp: 2 | 3, flags: { counted: boolean }, depth = 0): Reply {
  const t = lua._lua_type(L, -1);
  let r: Reply;
  switch (t) {
    case T.String:
      r = toString(L, -1) as string;
      break;
    case T.Boolean: {
      const b = lua._lua_toboolean(L, -1) !== 0;
      r = scriptResp === 2 ? (b ? 1 : null) : reply.bool(b);
      break;
    }
    case T.Number:
      r = luaNumberToInteger(lua._lua_tonumber(L, -1));
      break;
    case T.Table:
      // Redis checks for room for four more values before descending into a table.
      // Redis stops where the Lua stack has no room left; the depth cap keeps JS's stack safe too.
      r = depth > 1000 || lua._lua_checkstack(L, 4) === 0 ? reply.error('ERR reached lua stack limit') : tableReply(L, scriptResp, flags, depth);
      break;
    default:
      r = null;
  }
  lua._lua_settop(L, -2);
  return r;
}

function tableReply(L: number, resp: 2 | 3, flags: { counted: boolean }, depth: number): Reply {
  if (rawField(L, -1, 'err') === T.String) {
    lua._lua_settop(L, -2);
    getField(L, -1, 'err');
    const msg = toString(L, -1) as string;
    lua._lua_settop(L, -2);
    getField(L, -1, 'ignore_error_stats_update');
    if (lua._lua_toboolean(L, -1)) flags.counted = true;
    lua._lua_settop(L, -2);
    return reply.error(msg.replace(/[\r\n]/g, ' '));
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'ok') === T.String) {
    const ok = (toString(L, -1) as string).replace(/[\r\n]/g, ' ');
    lua._lua_settop(L, -2);
    return reply.simple(ok);
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'double') === T.Number) {
    const d = lua._lua_tonumber(L, -1);
    lua._lua_settop(L, -2);
    return reply.double(d);
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'big_number') === T.String) {
    const digits = (toString(L, -1) as string).replace(/[\r\n]/g, ' ');
    lua._lua_settop(L, -2);
    return reply.bigNumber(digits);
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'verbatim_string') === T.Table) {
    const fmtType = rawField(L, -1, 'format');
    const format = fmtType === T.String ? toString(L, -1) : null;
    lua._lua_settop(L, -2);
    const strType = rawField(L, -1, 'string');
    const text = strType === T.String ? toString(L, -1) : null;
    lua._lua_settop(L, -2);
    if (format !== null && text !== null) {
      lua._lua_settop(L, -2);
      return reply.verbatim(text, format.slice(0, 3));
    }
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'map') === T.Table) {
    const entries: Reply[] = [];
    lua._lua_pushnil(L);
    while (lua._lua_next(L, -2) !== 0) {
      lua._lua_pushvalue(L, -2);
      entries.push(popReply(L, resp, flags, depth + 1));
      entries.push(popReply(L, resp, flags, depth + 1));
    }
    lua._lua_settop(L, -2);
    return reply.map(entries);
  }
  lua._lua_settop(L, -2);
  if (rawField(L, -1, 'set') === T.Table) {
    const items: Reply[] = [];
    lua._lua_pushnil(L);
    while (lua._lua_next(L, -2) !== 0) {
      lua._lua_settop(L, -2);
      lua._lua_pushvalue(L, -1);
      items.push(popReply(L, resp, flags, depth + 1));
    }
    lua._lua_settop(L, -2);
    return reply.set(items);
  }
  lua._lua_settop(L, -2);
  const items: Reply[] = [];
  for (let j = 1; ; j++) {
    lua._lua_rawgeti(L, -1, j);
    if (lua._lua_type(L, -1) === T.Nil) {
      lua._lua_settop(L, -2);
      break;
    }
    items.push(popReply(L, resp, flags, depth + 1));
  }
  return items;
}
