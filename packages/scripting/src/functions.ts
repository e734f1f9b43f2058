// FUNCTION libraries (Redis 7.0's functions.c): the `#!lua name=<lib>` header, loading a
// library into the functions VM, the library and function tables (function names are
// case-insensitive across libraries), replace/restore policies with their collision checks,
// and the port persistence reads the libraries' code through.

import { splitArgs } from '@cinnabar/resp';
import type { LuaEngine } from './lua/engine.js';
import type { ScriptFlags } from './script-cache.js';

/** Flag bits as register_function records them, in the order FUNCTION LIST shows them. */
export const FUNCTION_FLAGS: readonly (readonly [number, string])[] = [
  [1, 'no-writes'], [2, 'allow-oom'], [4, 'allow-stale'], [8, 'no-cluster'], [16, 'allow-cross-slot-keys'],
];

export interface FunctionInfo {
  name: string;
  /** The callback's id in the functions VM. */
  id: number;
  desc: string | null;
  flagBits: number;
  flags: ScriptFlags;
  library: Library;
}

export interface Library {
  name: string;
  engine: string;
  /** The whole FUNCTION LOAD body, shebang included (what FUNCTION LIST WITHCODE, DUMP and the RDB hold). */
  code: string;
  functions: Map<string, FunctionInfo>;
}

const NAME_ERROR = 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';

export function validName(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name);
}

function scriptFlags(bits: number): ScriptFlags {
  return {
    compat: false, noWrites: (bits & 1) !== 0, allowOom: (bits & 2) !== 0, allowStale: (bits & 4) !== 0,
    noCluster: (bits & 8) !== 0, allowCrossSlot: (bits & 16) !== 0,
  };
}

/** The shebang of a library: engine and name, and where the body starts; or Redis's error text. */
export function parseLibraryHeader(code: string): { engine: string; name: string; bodyStart: number } | { error: string } {
  if (!code.startsWith('#!')) return { error: 'Missing library metadata' };
  const end = code.indexOf('\n');
  if (end < 0) return { error: 'Invalid library metadata' };
  const parts = splitArgs(code.slice(0, end));
  if (parts === null || parts.length === 0) return { error: 'Invalid library metadata' };
  const engine = (parts[0] as string).slice(2);
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() === 'name=') {
      if (name !== null) return { error: 'Invalid metadata value, name argument was given multiple times' };
      name = part.slice(5);
      continue;
    }
    return { error: `Invalid metadata value given: ${part}` };
  }
  if (name === null) return { error: 'Library name was not given' };
  return { engine, name, bodyStart: end };
}

/** A set of libraries and their functions (the current one, or one being restored). */
export class LibrarySet {
  readonly libraries = new Map<string, Library>();
  /** By lower-case function name. */
  readonly functions = new Map<string, FunctionInfo>();

  get functionCount(): number {
    return this.functions.size;
  }

  link(lib: Library): void {
    this.libraries.set(lib.name, lib);
    for (const f of lib.functions.values()) this.functions.set(f.name.toLowerCase(), f);
  }

  unlink(lib: Library): void {
    this.libraries.delete(lib.name);
    for (const f of lib.functions.values()) this.functions.delete(f.name.toLowerCase());
  }

  /** The first function of `lib` whose name another library already has. */
  collision(lib: Library): FunctionInfo | undefined {
    for (const f of lib.functions.values()) {
      if (this.functions.has(f.name.toLowerCase())) return f;
    }
    return undefined;
  }
}

export class FunctionLibraries {
  current = new LibrarySet();
  private nextId = 1;

  constructor(private readonly engine: () => LuaEngine, private readonly log: (level: number, text: string) => void) {}

  /** A function by name, case-insensitively. */
  find(name: string): FunctionInfo | undefined {
    return this.current.functions.get(name.toLowerCase());
  }

  /**
   * Redis's functionsCreateWithLibraryCtx: load `code` into `set` (replacing a library of the
   * same name when `replace`); the library's name, or an error text (without "ERR ").
   */
  create(code: string, replace: boolean, set: LibrarySet = this.current, timeoutMs = 0): string | { error: string } {
    const header = parseLibraryHeader(code);
    if ('error' in header) return header;
    if (!validName(header.name)) return { error: NAME_ERROR };
    if (header.engine.toUpperCase() !== 'LUA') return { error: `Engine '${header.engine}' not found` };
    const old = set.libraries.get(header.name);
    if (old !== undefined && !replace) return { error: `Library '${header.name}' already exists` };
    if (old !== undefined) set.unlink(old);
    const lib: Library = { name: header.name, engine: 'LUA', code, functions: new Map() };
    const fail = (error: string): { error: string } => {
      this.release(lib);
      if (old !== undefined) set.link(old);
      return { error };
    };
    const error = this.engine().loadLibrary(code.slice(header.bodyStart), timeoutMs, (name, desc, bits) => {
      if (!validName(name)) return NAME_ERROR;
      if (lib.functions.has(name)) return 'Function already exists in the library';
      const id = this.nextId++;
      lib.functions.set(name, { name, id, desc, flagBits: bits, flags: scriptFlags(bits), library: lib });
      return id;
    }, this.log);
    if (error !== null) return fail(error);
    if (lib.functions.size === 0) return fail('No functions registered');
    const clash = set.collision(lib);
    if (clash !== undefined) return fail(`Function ${clash.name} already exists`);
    set.link(lib);
    if (old !== undefined) this.release(old);
    return lib.name;
  }

  /** FUNCTION DELETE */
  delete(name: string): boolean {
    const lib = this.current.libraries.get(name);
    if (lib === undefined) return false;
    this.current.unlink(lib);
    this.release(lib);
    return true;
  }

  /** FUNCTION FLUSH, emptyData */
  flush(): void {
    for (const lib of this.current.libraries.values()) this.release(lib);
    this.current = new LibrarySet();
  }

  /**
   * FUNCTION RESTORE's policies: FLUSH swaps the restored set in; APPEND and REPLACE join it
   * (Redis's libraryJoin), all or nothing. Null, or the error text.
   */
  restore(codes: readonly string[], policy: 'FLUSH' | 'APPEND' | 'REPLACE'): string | null {
    const incoming = new LibrarySet();
    const dropIncoming = (): void => {
      for (const lib of incoming.libraries.values()) this.release(lib);
    };
    for (const code of codes) {
      const r = this.create(code, false, incoming);
      if (typeof r !== 'string') {
        dropIncoming();
        return r.error;
      }
    }
    if (policy === 'FLUSH') {
      this.flush();
      this.current = incoming;
      return null;
    }
    const dst = this.current;
    const replaced: Library[] = [];
    const revert = (error: string): string => {
      for (const lib of replaced) dst.link(lib);
      dropIncoming();
      return error;
    };
    for (const lib of incoming.libraries.values()) {
      const old = dst.libraries.get(lib.name);
      if (old === undefined) continue;
      if (policy !== 'REPLACE') return revert(`Library ${lib.name} already exists`);
      dst.unlink(old);
      replaced.push(old);
    }
    for (const f of incoming.functions.values()) {
      if (dst.functions.has(f.name.toLowerCase())) return revert(`Function ${f.name} already exists`);
    }
    for (const lib of incoming.libraries.values()) dst.link(lib);
    for (const lib of replaced) this.release(lib);
    return null;
  }

  /** Every library's code, for the RDB, DUMP and AOF rewrites. */
  codes(): string[] {
    return [...this.current.libraries.values()].map((l) => l.code);
  }

  private release(lib: Library): void {
    this.engine().dropFunctions([...lib.functions.values()].map((f) => f.id));
  }
}
