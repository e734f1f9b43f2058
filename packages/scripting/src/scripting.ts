// EVAL's and FCALL's server side: the script cache and the function libraries (each with its
// own Lua VM, as Redis), the fake client scripts call commands through (the dispatcher's own
// call path, so stats, keyspace events, WATCH and propagation behave as for any command),
// Redis 7.0's pre-run and per-call checks, and busy scripts: past busy-reply-threshold a
// script is suspended between slices so other clients get BUSY and SCRIPT KILL (EVAL) or
// FUNCTION KILL (FCALL) can stop it.

import { performance } from 'node:perf_hooks';
import { type ClientLink, ClientSession, type CommandDef, performEvictions, type ServerContext } from '@cinnabar/command-kit';
import { isErrorReply, type Reply, reply } from '@cinnabar/resp';
import { errorTableText } from './lua/convert.js';
import { LuaEngine, type Outcome, type ScriptRun, sha1hex } from './lua/engine.js';
import { FunctionLibraries, type FunctionInfo } from './functions.js';
import { type CachedScript, parseShebang, ScriptCache, type ScriptFlags } from './script-cache.js';

const BUSY = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
const BUSY_FUNCTION = 'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.';
/** Once a script is busy, how long each slice runs before the event loop gets a turn. */
const SLICE_MS = 20;

class ScriptLink implements ClientLink {
  readonly remoteAddress = 'lua';
  readonly localAddress = '';
  readonly fd = -1;
  write(): void {}
  close(): void {}
  queryBufferBytes(): number {
    return 0;
  }
  outputBufferBytes(): number {
    return 0;
  }
}

/** The dispatcher's busy gate (see command-kit's Dispatcher.busyError). */
interface BusyGate {
  busyError?: string | null;
}

export interface RunRequest {
  caller: ClientSession;
  /** An EVAL script, or (FCALL) a library function. */
  script: CachedScript | FunctionInfo;
  keys: readonly string[];
  args: readonly string[];
  /** EVAL_RO / EVALSHA_RO / FCALL_RO */
  readOnly: boolean;
}

function isFunction(s: CachedScript | FunctionInfo): s is FunctionInfo {
  return 'library' in s;
}

function logAt(server: ServerContext, level: number, text: string): void {
  const log = server.log;
  if (level === 0) log.debug(text);
  else if (level === 3) log.warn(text);
  else log.info(text);
}

class Run implements ScriptRun {
  resp: 2 | 3 = 2;
  writeDirty = false;
  killed = false;
  timedOut = false;
  yieldAtMs: number;
  readonly startMs = performance.now();
  readonly isEval: boolean;
  /** The script's SHA1 or the function's name (errors, the slow-script log, FUNCTION STATS). */
  readonly name: string;

  constructor(
    private readonly scripting: Scripting,
    readonly req: RunRequest,
    readonly readOnly: boolean,
    readonly allowOom: boolean,
    readonly oomAtStart: boolean,
    private readonly mayYield: boolean,
  ) {
    this.isEval = !isFunction(req.script);
    this.name = isFunction(req.script) ? req.script.name : req.script.sha;
    const threshold = scripting.server.config.get<number>('busy-reply-threshold');
    this.yieldAtMs = threshold > 0 ? this.startMs + threshold : Infinity;
  }

  call(argv: string[]): Reply {
    return this.scripting.call(this, argv);
  }

  setRepl(): void {
    // Effects of a script are always propagated to both the AOF and replicas (see report).
  }

  log(level: number, text: string): void {
    logAt(this.scripting.server, level, text);
  }

  shouldYield(): boolean {
    return this.mayYield && performance.now() >= this.yieldAtMs;
  }
}

export class Scripting {
  readonly cache = new ScriptCache();
  readonly engine: LuaEngine;
  private functionEngine: LuaEngine | null = null;
  readonly functions: FunctionLibraries;
  private readonly session: ClientSession;
  private running: Run | null = null;

  constructor(readonly server: ServerContext) {
    this.engine = new LuaEngine((argv) => server.commands.resolve(argv) !== undefined);
    this.session = new ScriptSession(server);
    this.functions = new FunctionLibraries(() => this.fengine, (level, text) => logAt(server, level, text));
  }

  /** The functions VM, made on first use. */
  get fengine(): LuaEngine {
    this.functionEngine ??= new LuaEngine((argv) => this.server.commands.resolve(argv) !== undefined, true);
    return this.functionEngine;
  }

  /** The running (or busy) script, for FUNCTION STATS. */
  get current(): { isEval: boolean; name: string; argv: readonly string[]; startMs: number } | null {
    const run = this.running;
    return run === null ? null : { isEval: run.isEval, name: run.name, argv: run.req.caller.argv, startMs: run.startMs };
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Look up or compile a script body (EVAL, SCRIPT LOAD); an error reply when it does not compile. */
  load(body: string): CachedScript | Reply {
    const known = this.cache.shaOfBody(body);
    if (known !== undefined) return this.cache.get(known) as CachedScript;
    const parsed = parseShebang(body);
    if ('error' in parsed) return reply.error(parsed.error);
    const sha = sha1hex(body);
    const error = this.engine.compile(sha, body.slice(parsed.shebangLength));
    if (error !== null) return reply.error(`ERR Error compiling script (new function): ${error}`.replace(/[\r\n]/g, ' '));
    const script = { sha, body, flags: parsed.flags };
    this.cache.add(script);
    return script;
  }

  flush(): void {
    this.cache.clear();
    this.engine.reset();
  }

  /**
   * Run a script for its caller: the reply, or undefined when the script became busy and
   * will answer later (the caller is held meanwhile).
   */
  run(req: RunRequest): Reply | undefined {
    const server = this.server;
    const flags = req.script.flags;
    const oom = server.maxmemoryBytes > 0 && performEvictions(server);
    if (!flags.compat) {
      const denied = this.deniedBeforeRun(req, oom);
      if (denied !== null) return denied;
    }
    const readOnly = req.readOnly || (!flags.compat && flags.noWrites);
    const allowOom = !flags.compat && flags.allowOom;
    const gate = server.dispatcher as unknown as BusyGate;
    const mayYield = !req.caller.inExec && 'busyError' in gate;
    const run = new Run(this, req, readOnly, allowOom, oom, mayYield);
    const s = this.session;
    s.db = req.caller.db;
    s.user = req.caller.user;
    this.running = run;
    const script = req.script;
    const engine = isFunction(script) ? this.fengine : this.engine;
    let outcome: Outcome;
    try {
      outcome = isFunction(script)
        ? engine.startFunction(script.id, script.name, req.keys, req.args, run)
        : engine.start(script.sha, req.keys, req.args, run);
    } catch (e) {
      engine.finish();
      this.running = null;
      throw e;
    }
    if (outcome.kind === 'done') {
      this.running = null;
      return this.finalReply(outcome);
    }
    this.becomeBusy(run);
    return undefined;
  }

  /** Redis's scriptPrepareForRun checks for scripts that declare flags. */
  private deniedBeforeRun(req: RunRequest, oom: boolean): Reply | null {
    const flags: ScriptFlags = req.script.flags;
    if (!flags.noWrites) {
      const misconf = this.server.persistence.writeError();
      if (misconf !== null) {
        return reply.error(misconf.startsWith('MISCONF')
          ? 'MISCONF Redis is configured to save RDB snapshots, but it\'s currently unable to persist to disk. Writable scripts are blocked. Use \'no-writes\' flag for read only scripts.'
          : misconf);
      }
      if (req.readOnly) return reply.error('ERR Can not execute a script with write flag using *_ro command.');
      if (oom && !flags.allowOom) return reply.error('OOM command not allowed when used memory > \'maxmemory\'.');
    }
    return null;
  }

  /** redis.call: Redis's scriptCall checks, then the command through the dispatcher. */
  call(run: Run, argv: string[]): Reply {
    const server = this.server;
    const def = server.commands.resolve(argv);
    if (def === undefined) return this.rejected(null, 'Unknown Redis command called from script');
    if ((def.arity > 0 && def.arity !== argv.length) || argv.length < -def.arity) {
      return this.rejected(def, 'Wrong number of args calling Redis command from script');
    }
    if (def.flagSet.has('noscript') && !server.scriptDenyDisabled) {
      return this.rejected(def, 'This Redis command is not allowed from script');
    }
    const write = def.flagSet.has('write');
    if (run.readOnly && (write || def.flagSet.has('may_replicate'))) {
      return this.rejected(def, 'Write commands are not allowed from read-only scripts.');
    }
    if (write && !run.writeDirty) {
      const misconf = server.persistence.writeError();
      if (misconf !== null) return this.rejected(def, `-${misconf}`);
    }
    if (!run.allowOom && server.maxmemoryBytes > 0 && !run.writeDirty && run.oomAtStart && def.flagSet.has('denyoom')) {
      return this.rejected(def, "-OOM command not allowed when used memory > 'maxmemory'.");
    }
    if ((def.name === 'xread' || def.name === 'xreadgroup') && argv.some((a) => a.toUpperCase() === 'BLOCK')) {
      return reply.error(`ERR ${def.name} command is not allowed with BLOCK option from scripts`);
    }
    if (write) run.writeDirty = true;
    const s = this.session;
    s.resp = run.resp;
    const sink: Reply[] = [];
    s.replySink = sink;
    try {
      server.dispatcher.call(s, def, argv);
    } finally {
      s.replySink = null;
    }
    return sink.length > 0 ? (sink[0] as Reply) : null;
  }

  private rejected(def: CommandDef | null, text: string): Reply {
    const final = errorTableText(text);
    if (def !== null) this.server.stats.command(def.name).rejectedCalls++;
    this.server.stats.error(final.slice(0, final.indexOf(' ')));
    return reply.error(final);
  }

  /**
   * The reply to the caller. An error that a command already counted in errorstats is not
   * counted again (Redis's ERR_REPLY_FLAG_NO_STATS_UPDATE): the dispatcher counts every error
   * reply, so the count is taken back here first.
   */
  private finalReply(outcome: Extract<Outcome, { kind: 'done' }>): Reply {
    const r = outcome.reply;
    if (outcome.counted && r !== null && typeof r === 'object' && isErrorReply(r as Reply)) {
      const text = (r as { text: string }).text;
      const space = text.indexOf(' ');
      const code = space < 0 ? text : text.slice(0, space);
      const stats = this.server.stats;
      const n = stats.errors.get(code);
      if (n !== undefined && n > 0) {
        stats.errors.set(code, n - 1);
        stats.totalErrorReplies--;
      }
    }
    return r;
  }

  // --- busy scripts -------------------------------------------------------------------

  private becomeBusy(run: Run): void {
    const server = this.server;
    const caller = run.req.caller;
    run.timedOut = true;
    server.log.warn(`Slow script detected: still in execution after ${Math.round(performance.now() - run.startMs)} milliseconds. ` +
      `You can try killing the script using the ${run.isEval ? 'SCRIPT KILL' : 'FUNCTION KILL'} command. Script name is: ${run.name}.`);
    (server.dispatcher as unknown as BusyGate).busyError = run.isEval ? BUSY : BUSY_FUNCTION;
    // Keep EVAL's propagation frame open across event-loop turns: the script's effects leave
    // as one batch when it ends. The dispatcher's leave() pops the extra frame pushed here.
    server.propagation.prevent();
    server.propagation.enter();
    server.propagation.prevent();
    caller.link.hold?.();
    setImmediate(() => this.step(run));
  }

  private step(run: Run): void {
    const engine = run.isEval ? this.engine : this.fengine;
    if (run.killed) {
      const at = engine.suspendedAt();
      engine.finish();
      const where = at !== null ? ` script: ${run.name}, on ${at.source}:${at.line}.` : '';
      this.endBusy(run, reply.error(`ERR Script killed by user with SCRIPT KILL...${where}`), false);
      return;
    }
    run.yieldAtMs = performance.now() + SLICE_MS;
    let outcome: Outcome;
    try {
      outcome = engine.resume(run);
    } catch (e) {
      engine.finish();
      this.endBusy(run, reply.error(`ERR internal error: ${e instanceof Error ? e.message : String(e)}`), false);
      return;
    }
    if (outcome.kind === 'yield') {
      setImmediate(() => this.step(run));
      return;
    }
    this.endBusy(run, outcome.reply, outcome.counted);
  }

  private endBusy(run: Run, r: Reply, counted: boolean): void {
    const server = this.server;
    const caller = run.req.caller;
    this.running = null;
    (server.dispatcher as unknown as BusyGate).busyError = null;
    const name = caller.lastCommand === 'NULL' ? 'eval' : caller.lastCommand;
    if (r !== null && typeof r === 'object' && isErrorReply(r as Reply)) {
      server.stats.command(name).failedCalls++;
      if (!counted) {
        const text = (r as { text: string }).text;
        const space = text.indexOf(' ');
        server.stats.error(space < 0 ? text : text.slice(0, space));
      }
    }
    caller.reply(r);
    server.propagation.leave(caller.db.id, caller.argv, false);
    server.blocking.serveReady();
    caller.link.release?.();
  }

  /** SCRIPT KILL (`isEval`) or FUNCTION KILL */
  kill(isEval = true): Reply {
    const run = this.running;
    if (run === null || !run.timedOut) return reply.error('NOTBUSY No scripts in execution right now.');
    if (run.writeDirty) {
      return reply.error('UNKILLABLE Sorry the script already executed write commands against the dataset. ' +
        'You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.');
    }
    if (isEval && !run.isEval) return reply.error(BUSY_FUNCTION);
    if (!isEval && run.isEval) return reply.error(BUSY);
    run.killed = true;
    return reply.ok;
  }
}

/** The script's fake client: never blocks (inExec), replies are captured by call(). */
class ScriptSession extends ClientSession {
  constructor(server: ServerContext) {
    super(server.clients.allocateId(), new ScriptLink(), server);
    this.inExec = true;
    this.authenticated = true;
  }
}

const instances = new WeakMap<ServerContext, Scripting>();

/** The scripting state of a server, created on first use. */
export function scriptingOf(server: ServerContext): Scripting {
  let s = instances.get(server);
  if (s === undefined) {
    s = new Scripting(server);
    instances.set(server, s);
    const scripting = s;
    server.functions = {
      libraries: () => scripting.functions.codes(),
      restoreLibrary: (code, replace) => {
        const r = scripting.functions.create(code, replace);
        if (typeof r !== 'string') throw new Error(r.error);
      },
      clear: () => scripting.functions.flush(),
    };
  }
  return s;
}

/** Fill the server's functions port now (persistence may load libraries before any command runs). */
export function installFunctions(server: ServerContext): void {
  scriptingOf(server);
}
