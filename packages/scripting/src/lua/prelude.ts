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
return env, HOOK
`;
