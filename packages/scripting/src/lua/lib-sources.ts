// cjson and cmsgpack as Lua sources with the behaviour of the C libraries Redis bundles
// (lua-cjson 2.1, lua-cmsgpack 0.4): encodings, limits and the error texts scripts may see.

export const CJSON_SOURCE = String.raw`
local fmtnum = __cinnabar_format_number
local type, pairs, tostring, tonumber, error, floor = type, pairs, tostring, tonumber, error, math.floor
local byte, char, sub, find, format, concat = string.byte, string.char, string.sub, string.find, string.format, table.concat
local huge = math.huge
local M = {}
local null = newproxy()
M.null = null
local cfg = { encode_max_depth = 1000, decode_max_depth = 1000, invalid = false, keep = true }

local esc = { ['"'] = '\\"', ['\\'] = '\\\\', ['/'] = '\\/', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escape(s)
  return '"' .. s:gsub('[%c"\\/]', function(c) return esc[c] or format('\\u%04x', byte(c)) end) .. '"'
end

local function number(n)
  if n ~= n or n == huge or n == -huge then
    if not cfg.invalid then error('Cannot serialise number: must not be NaN or Inf', 0) end
    if n ~= n then return 'nan' end
    return n > 0 and 'inf' or '-inf'
  end
  return fmtnum(n)
end

local encode
local function array_length(t)
  local max, items = 0, 0
  for k in pairs(t) do
    if type(k) == 'number' and k > 0 and floor(k) == k then
      if k > max then max = k end
      items = items + 1
    else
      return -1
    end
  end
  if max > 10 and max > items * 2 then error('Cannot serialise table: excessively sparse array', 0) end
  return max
end

encode = function(v, depth, out)
  local t = type(v)
  if t == 'string' then out[#out + 1] = escape(v)
  elseif t == 'number' then out[#out + 1] = number(v)
  elseif t == 'boolean' then out[#out + 1] = v and 'true' or 'false'
  elseif t == 'nil' or v == null then out[#out + 1] = 'null'
  elseif t == 'table' then
    depth = depth + 1
    if depth > cfg.encode_max_depth then error('Cannot serialise, excessive nesting (' .. depth .. ')', 0) end
    local n = array_length(v)
    if n > 0 then
      out[#out + 1] = '['
      for i = 1, n do
        if i > 1 then out[#out + 1] = ',' end
        encode(v[i], depth, out)
      end
      out[#out + 1] = ']'
    else
      out[#out + 1] = '{'
      local first = true
      for k, val in pairs(v) do
        local kt = type(k)
        if not first then out[#out + 1] = ',' end
        first = false
        if kt == 'string' then out[#out + 1] = escape(k)
        elseif kt == 'number' then out[#out + 1] = '"' .. number(k) .. '"'
        else error('Cannot serialise ' .. kt .. ': table key must be a number or string', 0) end
        out[#out + 1] = ':'
        encode(val, depth, out)
      end
      out[#out + 1] = '}'
    end
  else
    error('Cannot serialise ' .. t .. ': type not supported', 0)
  end
end

local pcall = pcall
function M.encode(v)
  local out = {}
  local ok, e = pcall(encode, v, 0, out)
  if not ok then error(e, 2) end
  return concat(out)
end

local function utf8(cp)
  if cp < 0x80 then return char(cp)
  elseif cp < 0x800 then return char(0xc0 + floor(cp / 64), 0x80 + cp % 64)
  elseif cp < 0x10000 then return char(0xe0 + floor(cp / 4096), 0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
  else return char(0xf0 + floor(cp / 262144), 0x80 + floor(cp / 4096) % 64, 0x80 + floor(cp / 64) % 64, 0x80 + cp % 64) end
end

local input = ''
local function decode_error(what, pos, found)
  if pos > #input then found = 'T_END' end
  error('Expected ' .. what .. ' but found ' .. found .. ' at character ' .. pos, 0)
end

local decode_value
local function skip(s, i)
  local _, e = find(s, '^[ \t\r\n]*', i)
  return e + 1
end

local function decode_string(s, i)
  local out, j = {}, i + 1
  while true do
    local c = byte(s, j)
    if c == nil then decode_error('string', i, 'T_END') end
    if c == 34 then return concat(out), j + 1 end
    if c == 92 then
      local e = sub(s, j + 1, j + 1)
      local map = { b = '\b', f = '\f', n = '\n', r = '\r', t = '\t', ['"'] = '"', ['\\'] = '\\', ['/'] = '/' }
      if map[e] then out[#out + 1] = map[e]; j = j + 2
      elseif e == 'u' then
        local cp = tonumber(sub(s, j + 2, j + 5), 16)
        if not cp then decode_error('value', i, 'invalid unicode escape code') end
        j = j + 6
        if cp >= 0xd800 and cp <= 0xdbff and sub(s, j, j + 1) == '\\u' then
          local lo = tonumber(sub(s, j + 2, j + 5), 16)
          if lo and lo >= 0xdc00 and lo <= 0xdfff then cp = 0x10000 + (cp - 0xd800) * 1024 + (lo - 0xdc00); j = j + 6 end
        end
        out[#out + 1] = utf8(cp)
      else decode_error('value', i, 'invalid escape code') end
    else
      out[#out + 1] = char(c); j = j + 1
    end
  end
end

decode_value = function(s, i, depth)
  i = skip(s, i)
  local c = sub(s, i, i)
  if c == '{' or c == '[' then
    depth = depth + 1
    if depth > cfg.decode_max_depth then
      error('Found too many nested data structures (' .. depth .. ') at character ' .. i, 0)
    end
  end
  if c == '{' then
    local t = {}
    i = skip(s, i + 1)
    if sub(s, i, i) == '}' then return t, i + 1 end
    while true do
      if sub(s, i, i) ~= '"' then decode_error('object key string', i, 'invalid token') end
      local k
      k, i = decode_string(s, i)
      i = skip(s, i)
      if sub(s, i, i) ~= ':' then decode_error('colon', i, 'invalid token') end
      local v
      v, i = decode_value(s, i + 1, depth)
      t[k] = v
      i = skip(s, i)
      local d = sub(s, i, i)
      if d == '}' then return t, i + 1 end
      if d ~= ',' then decode_error('comma or object end', i, 'invalid token') end
      i = skip(s, i + 1)
    end
  elseif c == '[' then
    local t, n = {}, 0
    i = skip(s, i + 1)
    if sub(s, i, i) == ']' then return t, i + 1 end
    while true do
      local v
      v, i = decode_value(s, i, depth)
      n = n + 1
      t[n] = v
      i = skip(s, i)
      local d = sub(s, i, i)
      if d == ']' then return t, i + 1 end
      if d ~= ',' then decode_error('comma or array end', i, 'invalid token') end
      i = i + 1
    end
  elseif c == '"' then return decode_string(s, i)
  elseif sub(s, i, i + 3) == 'true' then return true, i + 4
  elseif sub(s, i, i + 4) == 'false' then return false, i + 5
  elseif sub(s, i, i + 3) == 'null' then return null, i + 4
  else
    local _, e = find(s, '^-?%d+%.?%d*[eE]?[-+]?%d*', i)
    if e then
      local n = tonumber(sub(s, i, e))
      if n then return n, e + 1 end
    end
    if c == '' then decode_error('value', i, 'T_END') end
    decode_error('value', i, 'invalid token')
  end
end

local function decode(s)
  input = s
  local v, i = decode_value(s, 1, 0)
  i = skip(s, i)
  if i <= #s then decode_error('the end', i, 'invalid token') end
  return v
end

function M.decode(s)
  if type(s) ~= 'string' then error("bad argument #1 to 'decode' (string expected, got " .. type(s) .. ")", 2) end
  local ok, v = pcall(decode, s)
  if not ok then error(v, 2) end
  return v
end

function M.encode_max_depth(n) if n then cfg.encode_max_depth = n end return cfg.encode_max_depth end
function M.decode_max_depth(n) if n then cfg.decode_max_depth = n end return cfg.decode_max_depth end
function M.encode_invalid_numbers(b) if b ~= nil then cfg.invalid = b and true or false end return cfg.invalid end
function M.decode_invalid_numbers(b) return true end
function M.encode_keep_buffer(b) if b ~= nil then cfg.keep = b end return cfg.keep end
function M.encode_number_precision(n) return 14 end
function M.encode_sparse_array() return false, 2, 10 end
M._NAME = 'cjson'
M._VERSION = '2.1.0'
return M
`;

export const CMSGPACK_SOURCE = String.raw`
local pack_double, unpack_float = __cinnabar_pack_double, __cinnabar_unpack_float
local type, pairs, error, floor, select = type, pairs, error, math.floor, select
local byte, char, sub, concat = string.byte, string.char, string.sub, table.concat
local M = {}
local MAX_NESTING = 16

local function be(n, bytes)
  local out = {}
  for i = bytes, 1, -1 do
    out[i] = char(n % 256)
    n = floor(n / 256)
  end
  return concat(out)
end

local function is_array(t)
  local max, count = 0, 0
  for k in pairs(t) do
    if type(k) ~= 'number' or k <= 0 or floor(k) ~= k then return false end
    if k > max then max = k end
    count = count + 1
  end
  return max == count, max
end

local encode
encode = function(v, level, out)
  local t = type(v)
  if t == 'table' and level >= MAX_NESTING then t = 'nil' end
  if t == 'nil' then out[#out + 1] = '\192'
  elseif t == 'boolean' then out[#out + 1] = v and '\195' or '\194'
  elseif t == 'number' then
    if floor(v) == v and v >= -9223372036854775808 and v < 9223372036854775808 then
      if v >= 0 then
        if v < 128 then out[#out + 1] = char(v)
        elseif v < 256 then out[#out + 1] = '\204' .. char(v)
        elseif v < 65536 then out[#out + 1] = '\205' .. be(v, 2)
        elseif v < 4294967296 then out[#out + 1] = '\206' .. be(v, 4)
        else out[#out + 1] = '\207' .. be(v, 8) end
      else
        if v >= -32 then out[#out + 1] = char(256 + v)
        elseif v >= -128 then out[#out + 1] = '\208' .. char(256 + v)
        elseif v >= -32768 then out[#out + 1] = '\209' .. be(65536 + v, 2)
        elseif v >= -2147483648 then out[#out + 1] = '\210' .. be(4294967296 + v, 4)
        else out[#out + 1] = '\211' .. be(18446744073709551616 + v, 8) end
      end
    else
      out[#out + 1] = '\203' .. pack_double(v)
    end
  elseif t == 'string' then
    local n = #v
    if n < 32 then out[#out + 1] = char(160 + n)
    elseif n < 256 then out[#out + 1] = '\217' .. char(n)
    elseif n < 65536 then out[#out + 1] = '\218' .. be(n, 2)
    else out[#out + 1] = '\219' .. be(n, 4) end
    out[#out + 1] = v
  elseif t == 'table' then
    local arr, n = is_array(v)
    if arr then
      if n <= 15 then out[#out + 1] = char(144 + n)
      elseif n < 65536 then out[#out + 1] = '\220' .. be(n, 2)
      else out[#out + 1] = '\221' .. be(n, 4) end
      for i = 1, n do encode(v[i], level + 1, out) end
    else
      local count = 0
      for _ in pairs(v) do count = count + 1 end
      if count <= 15 then out[#out + 1] = char(128 + count)
      elseif count < 65536 then out[#out + 1] = '\222' .. be(count, 2)
      else out[#out + 1] = '\223' .. be(count, 4) end
      for k, val in pairs(v) do
        encode(k, level + 1, out)
        encode(val, level + 1, out)
      end
    end
  else
    out[#out + 1] = '\192'
  end
end

function M.pack(...)
  local n = select('#', ...)
  if n == 0 then error('MessagePack pack needs input.', 0) end
  local out = {}
  for i = 1, n do encode((select(i, ...)), 0, out) end
  return concat(out)
end

local function uint(s, i, bytes)
  if i + bytes - 1 > #s then error('Missing bytes in input.', 0) end
  local n = 0
  for j = i, i + bytes - 1 do n = n * 256 + byte(s, j) end
  return n
end

local function sint(s, i, bytes)
  local n = uint(s, i, bytes)
  local half = 2 ^ (8 * bytes - 1)
  if n >= half then n = n - 2 * half end
  return n
end

local decode
local function str(s, i, n)
  if i + n - 1 > #s then error('Missing bytes in input.', 0) end
  return sub(s, i, i + n - 1), i + n
end

local function array(s, i, n)
  local t = {}
  for k = 1, n do t[k], i = decode(s, i) end
  return t, i
end

local function map(s, i, n)
  local t = {}
  for _ = 1, n do
    local k, v
    k, i = decode(s, i)
    v, i = decode(s, i)
    if k ~= nil then t[k] = v end
  end
  return t, i
end

decode = function(s, i)
  local c = byte(s, i)
  if c == nil then error('Missing bytes in input.', 0) end
  i = i + 1
  if c < 128 then return c, i
  elseif c >= 224 then return c - 256, i
  elseif c >= 160 and c < 192 then return str(s, i, c - 160)
  elseif c >= 144 and c < 160 then return array(s, i, c - 144)
  elseif c >= 128 and c < 144 then return map(s, i, c - 128)
  elseif c == 192 then return nil, i
  elseif c == 194 then return false, i
  elseif c == 195 then return true, i
  elseif c == 202 then return unpack_float(str(s, i, 4)), i + 4
  elseif c == 203 then return unpack_float(str(s, i, 8)), i + 8
  elseif c == 204 then return uint(s, i, 1), i + 1
  elseif c == 205 then return uint(s, i, 2), i + 2
  elseif c == 206 then return uint(s, i, 4), i + 4
  elseif c == 207 then return uint(s, i, 8), i + 8
  elseif c == 208 then return sint(s, i, 1), i + 1
  elseif c == 209 then return sint(s, i, 2), i + 2
  elseif c == 210 then return sint(s, i, 4), i + 4
  elseif c == 211 then return sint(s, i, 8), i + 8
  elseif c == 217 then return str(s, i + 1, uint(s, i, 1))
  elseif c == 218 or c == 196 then return str(s, i + 2, uint(s, i, 2))
  elseif c == 219 or c == 198 then return str(s, i + 4, uint(s, i, 4))
  elseif c == 197 then return str(s, i + 1, uint(s, i, 1))
  elseif c == 220 then return array(s, i + 2, uint(s, i, 2))
  elseif c == 221 then return array(s, i + 4, uint(s, i, 4))
  elseif c == 222 then return map(s, i + 2, uint(s, i, 2))
  elseif c == 223 then return map(s, i + 4, uint(s, i, 4))
  end
  error('Bad data format in input.', 0)
end

-- Decode up to limit objects (0: all) from offset (0-based); returns next offset (-1 at the end) and them.
local function unpack_from(s, limit, offset)
  local out, n, i = {}, 0, offset + 1
  while i <= #s and (limit == 0 or n < limit) do
    n = n + 1
    out[n], i = decode(s, i)
  end
  local next_offset = i > #s and -1 or i - 1
  return next_offset, out, n
end

function M.unpack(s)
  local _, out, n = unpack_from(s, 0, 0)
  return unpack(out, 1, n)
end

function M.unpack_one(s, offset)
  local next_offset, out, n = unpack_from(s, 1, offset or 0)
  return next_offset, unpack(out, 1, n)
end

function M.unpack_limit(s, limit, offset)
  local next_offset, out, n = unpack_from(s, limit or 0, offset or 0)
  return next_offset, unpack(out, 1, n)
end

M._NAME = 'cmsgpack'
M._VERSION = 'lua-cmsgpack 0.4.0'
return M
`;
