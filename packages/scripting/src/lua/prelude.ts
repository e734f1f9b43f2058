// The Lua side of the sandbox, run once per VM: readonly proxies for the globals and the
// libraries (stock Lua 5.1 has no readonly tables, Redis's fork does), the nonexistent-global
// error, Redis 7's pcall, and yield-transparent pcall/coroutine.resume so that the busy-script
// hook can suspend a script from inside them.

export const PRELUDE = String.raw`
local G = _G
local error, type, rawget, rawset, select, unpack, tostring, setfenv =
      error, type, rawget, rawset, select, unpack, tostring, setfenv
local raw_setmetatable, raw_loadstring = setmetatable, loadstring
local co_create, co_resume, co_yield, co_status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.status
local take_hook_yield, can_yield = __cinnabar_take_hook_yield, __cinnabar_can_yield
local HOOK = {}
local readonly = {}

local function ro_error() error('Attempt to modify a readonly table', 2) end

local function protect(t)
  local meta = raw_setmetatable({}, { __index = { __index = t, __newindex = ro_error }, __newindex = ro_error })
  readonly[meta] = true
  local p = raw_setmetatable({}, { __index = t, __newindex = ro_error, __metatable = meta })
  readonly[p] = true
  return p
end

local function pack(...) return { n = select('#', ...), ... } end

-- Resume co until it returns, errors or yields of its own accord; a yield forced by the
-- busy-script hook is passed outwards (when this thread may yield) and co resumed again.
local function resume_through(co, ...)
  local r = pack(co_resume(co, ...))
  while r[1] and co_status(co) == 'suspended' and ((r.n == 1 and take_hook_yield()) or r[2] == HOOK) do
    if can_yield() then co_yield(HOOK) end
    r = pack(co_resume(co))
  end
  return r
end

G.pcall = function(f, ...)
  local r = resume_through(co_create(function(...) return f(...) end), ...)
  if not r[1] then
    local e = r[2]
    if type(e) == 'table' then
      local m = e.err
      if type(m) == 'string' or type(m) == 'number' then e = m end
    end
    return false, e
  end
  return unpack(r, 1, r.n)
end

local co_table = {}
for k, v in pairs(coroutine) do co_table[k] = v end
co_table.resume = function(co, ...)
  local r = resume_through(co, ...)
  return unpack(r, 1, r.n)
end

G.setmetatable = function(t, mt)
  if readonly[t] then error('Attempt to modify a readonly table', 2) end
  return raw_setmetatable(t, mt)
end
G.rawset = function(t, k, v)
  if readonly[t] then error('Attempt to modify a readonly table', 2) end
  return rawset(t, k, v)
end

local env
G.loadstring = function(s, name)
  if type(s) == 'string' and s:byte(1) == 27 then return nil, 'binary chunks are not allowed' end
  local f, e = raw_loadstring(s, name)
  if f then setfenv(f, env) end
  return f, e
end
G.load = nil

G.__cinnabar_take_hook_yield = nil
G.__cinnabar_can_yield = nil
G.coroutine = protect(co_table)
for _, name in ipairs({ 'redis', 'string', 'math', 'table', 'bit', 'cjson', 'cmsgpack', 'struct' }) do
  if rawget(G, name) ~= nil then G[name] = protect(G[name]) end
end
G.os = nil
G.io = nil
G.package = nil
G.module = nil
G.require = nil
G.dofile = nil
G.loadfile = nil
G.print = nil
G.debug = nil

env = raw_setmetatable({}, { __index = G, __newindex = ro_error, __metatable = protect({}) })
readonly[env] = true
G._G = env
raw_setmetatable(G, { __index = function(_, k)
  error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2)
end })
return env, HOOK, { G = G, protect = protect, ro_error = ro_error, readonly = readonly, setmetatable = raw_setmetatable }
`;

/**
 * The functions VM's additions, run after PRELUDE with its kit and the native registrar:
 * redis.register_function's argument checks (Redis 7.0's texts), the globals of library code
 * (only a strict `redis` with register_function, log and the version while FUNCTION LOAD runs
 * the library; the ordinary globals when its functions run) and the callbacks by id.
 * Returns the functions' environment, the mode switch and the callback table.
 */
export const FUNCTION_PRELUDE = String.raw`
local kit, register_native = ...
local G, protect, ro_error, readonly, raw_setmetatable = kit.G, kit.protect, kit.ro_error, kit.readonly, kit.setmetatable
local error, type, tostring, select, next, rawget, lower = error, type, tostring, select, next, rawget, string.lower
local fns = {}
local loading = false
local FLAGS = { ['no-writes'] = 1, ['allow-oom'] = 2, ['allow-stale'] = 4, ['no-cluster'] = 8, ['allow-cross-slot-keys'] = 16 }

local function fail(msg) error({ err = 'ERR ' .. msg }) end
local function stringy(v) local t = type(v) return t == 'string' or t == 'number' end

local function register_function(...)
  if not loading then fail('redis.register_function can only be called on FUNCTION LOAD command') end
  local n = select('#', ...)
  if n < 1 or n > 2 then fail('wrong number of arguments to redis.register_function') end
  local name, cb, desc, flags = nil, nil, nil, 0
  if n == 1 then
    local t = ...
    if type(t) ~= 'table' then
      fail('calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).')
    end
    for k, v in next, t do
      if not stringy(k) then fail('named argument key given to redis.register_function is not a string') end
      local key = lower(tostring(k))
      if key == 'function_name' then
        if not stringy(v) then fail('function_name argument given to redis.register_function must be a string') end
        name = tostring(v)
      elseif key == 'description' then
        if not stringy(v) then fail('description argument given to redis.register_function must be a string') end
        desc = tostring(v)
      elseif key == 'callback' then
        if type(v) ~= 'function' then fail('callback argument given to redis.register_function must be a function') end
        cb = v
      elseif key == 'flags' then
        if type(v) ~= 'table' then fail('flags argument to redis.register_function must be a table representing function flags') end
        flags = 0
        local j = 1
        while true do
          local f = v[j]
          if f == nil then break end
          local bit = stringy(f) and FLAGS[lower(tostring(f))] or nil
          if bit == nil then fail('unknown flag given') end
          if flags % (2 * bit) < bit then flags = flags + bit end
          j = j + 1
        end
      else
        fail('unknown argument given to redis.register_function')
      end
    end
    if name == nil then fail('redis.register_function must get a function name argument') end
    if cb == nil then fail('redis.register_function must get a callback argument') end
  else
    local a, b = ...
    if not stringy(a) then fail('first argument to redis.register_function must be a string') end
    if type(b) ~= 'function' then fail('second argument to redis.register_function must be a function') end
    name, cb = tostring(a), b
  end
  local id = register_native(name, desc, flags)
  if type(id) == 'string' then fail(id) end
  fns[id] = cb
end

local function missing(k)
  error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 3)
end

-- Readonly, and reading a missing field is an error (Redis's luaSetErrorMetatable).
local function strict(t)
  local p = raw_setmetatable({}, {
    __index = function(_, k) local v = rawget(t, k) if v == nil then missing(k) end return v end,
    __newindex = ro_error, __metatable = protect({}),
  })
  readonly[p] = true
  return p
end

local R = G.redis
local library_api = {
  redis = strict({
    register_function = register_function, log = R.log,
    LOG_DEBUG = R.LOG_DEBUG, LOG_VERBOSE = R.LOG_VERBOSE, LOG_NOTICE = R.LOG_NOTICE, LOG_WARNING = R.LOG_WARNING,
    REDIS_VERSION = R.REDIS_VERSION, REDIS_VERSION_NUM = R.REDIS_VERSION_NUM,
  }),
}
local function load_index(_, k) local v = rawget(library_api, k) if v == nil then missing(k) end return v end

local fmeta = { __index = G, __newindex = ro_error, __metatable = protect({}) }
local fenv = raw_setmetatable({}, fmeta)
readonly[fenv] = true
G._G = fenv

local function set_mode(on)
  loading = on
  fmeta.__index = on and load_index or G
end
return fenv, set_mode, fns
`;
