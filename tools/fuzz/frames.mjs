// The fuzzer's frame generator: a seeded PRNG and a stream of request frames (latin1 strings)
// mixing valid commands with random arguments, inline lines (some with unbalanced quotes),
// random bytes, truncated frames and impossible lengths. Same seed, same frames.

import { COMMANDS, FLOATS, IDS, INTEGERS, KEYS, KEYWORDS, SMALL_NUMBERS_ONLY } from './vocabulary.mjs';

/** sfc32 seeded through splitmix32: fast, 32-bit, and the same on every platform. */
export function createRandom(seed) {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const rng = {
    /** Uniform in [0, 1). */
    float: () => next() / 4294967296,
    /** Uniform integer in [0, n). */
    int: (n) => Math.floor((next() / 4294967296) * n),
    pick: (xs) => xs[Math.floor((next() / 4294967296) * xs.length)],
    chance: (p) => next() / 4294967296 < p,
    /** n random bytes as a latin1 string. */
    bytes: (n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += String.fromCharCode(next() & 0xff);
      return out;
    },
  };
  return rng;
}

/** Request frames by kind, with the share of the stream each gets. */
const KINDS = [
  ['command', 60], ['inline', 10], ['big-bulk', 0.5],
  ['inline-unbalanced', 4], ['random-bytes', 5], ['truncated', 5], ['bad-length', 6], ['bad-type', 4],
  ['bulk-mismatch', 4], ['huge-inline', 0.05],
];
export const FRAME_KINDS = KINDS.map(([k]) => k);
/** Kinds a server may answer with a protocol error, after which it closes the connection. */
export const HOSTILE_KINDS = new Set(FRAME_KINDS.filter((k) => !['command', 'inline', 'big-bulk'].includes(k)));
const TOTAL_WEIGHT = KINDS.reduce((s, [, w]) => s + w, 0);
const BLOCKING = COMMANDS.filter((c) => c.blocking);
const NON_BLOCKING = COMMANDS.filter((c) => !c.blocking);

const BAD_LENGTHS = ['*-5\r\n', '*-1\r\n', '*0\r\n', '*2147483648\r\n', '*2147483647\r\n', '*1048577\r\n',
  '*100000000\r\n', '*99999999999999999999\r\n', '*abc\r\n', '*\r\n', '*1\r\n$99999999999\r\n',
  '*1\r\n$-1\r\n', '*1\r\n$-5\r\n', '*1\r\n$536870912\r\n', '*1\r\n$536870913\r\n', '*1\r\n$\r\n',
  '*1\r\n$1x\r\n', '*2\r\n$3\r\nGET\r\n$2147483648\r\n', '$99999999999\r\n', '*3\r\n$3\r\nSET\r\n',
  '*1\r\n$4\r\nPING', '*1\r\n$4\r\nPINGxx\r\n', '*-2147483649\r\n', '*1\r\r\n$4\r\nPING\r\n'];

const BAD_TYPES = [':1\r\n', '+PING\r\n', '-ERR\r\n', '%1\r\n$1\r\na\r\n$1\r\nb\r\n', '~1\r\n$4\r\nPING\r\n',
  '*1\r\n:1\r\n', '*2\r\n$3\r\nGET\r\n*1\r\n$1\r\na\r\n', '*1\r\n+PING\r\n', '>1\r\n$4\r\nPING\r\n', '_\r\n', '#t\r\n'];

/**
 * A frame generator: `next()` returns { kind, bytes, hostile } (bytes a latin1 string) from the
 * whole mix, `nextValid()` a well-formed command, multibulk or inline.
 */
export function createFrameGenerator(seed) {
  const rng = createRandom(seed);

  const randomString = () => {
    const n = rng.chance(0.05) ? rng.int(2000) : rng.int(24);
    if (rng.chance(0.5)) return rng.bytes(n);
    let s = '';
    for (let i = 0; i < n; i++) s += rng.pick('abcxyz019 _-*?[]^\\"\'{}:');
    return s;
  };

  const argument = (command) => {
    const small = SMALL_NUMBERS_ONLY.has(command);
    switch (rng.int(7)) {
      case 0: case 1: return rng.pick(KEYS);
      case 2: return small ? String(rng.int(64) - 8) : rng.pick(INTEGERS);
      case 3: return small ? String(rng.int(64)) : rng.pick(FLOATS);
      case 4: return rng.pick(KEYWORDS);
      case 5: return rng.pick(IDS);
      default: return randomString();
    }
  };

  /**
   * A random command; blocking ones only when asked (one that blocks stalls the rest of its
   * connection). Argument counts usually respect the arity so the command's own parsing runs.
   */
  const argv = (blocking = false) => {
    let cmd = rng.pick(blocking ? BLOCKING : NON_BLOCKING);
    // QUIT and CLIENT REPLY end what a connection shows of the rest: keep them rare.
    while ((cmd.words[0] === 'QUIT' || cmd.words[1] === 'REPLY') && rng.chance(0.9)) cmd = rng.pick(NON_BLOCKING);
    const words = rng.chance(0.03) ? [randomString()] : cmd.words;
    const casing = rng.int(3);
    const shown = words.map((w) => (casing === 0 ? w : casing === 1 ? w.toLowerCase() : w.slice(0, 1) + w.slice(1).toLowerCase()));
    const least = Math.abs(cmd.arity) - cmd.words.length;
    const n = rng.chance(0.75)
      ? least + (cmd.arity < 0 ? rng.int(rng.chance(0.1) ? 40 : 5) : 0)
      : rng.chance(0.1) ? rng.int(40) : rng.int(6);
    const out = [...shown];
    for (let i = 0; i < n; i++) out.push(argument(cmd.words[0]));
    return out;
  };

  const multibulk = (args) => {
    let s = `*${args.length}\r\n`;
    for (const a of args) s += `$${a.length}\r\n${a}\r\n`;
    return s;
  };

  /** An inline line: words separated by spaces, some quoted with escapes. No CR/LF inside. */
  const inline = (unbalanced) => {
    // No CR/LF inside, no leading '*' (that makes a multibulk header), and no NUL in a valid
    // line: Redis looks for the newline with strchr, so a NUL hides it until more bytes come.
    const words = argv().map((w) => w.replace(unbalanced ? /[\r\n]/g : /[\r\n\0]/g, ''));
    words[0] = (words[0] ?? '').replace(/^\*+/, '');
    const parts = words.map((w) => {
      if (rng.chance(0.2)) return `"${w.replace(/[\\"]/g, (c) => `\\${c}`)}${rng.chance(0.2) ? '\\x4' : ''}"`;
      if (rng.chance(0.1)) return `'${w.replace(/'/g, "\\'")}'`;
      return w.replace(/["' ]/g, '');
    });
    if (unbalanced) {
      const at = rng.int(parts.length);
      parts[at] = rng.pick([`"${parts[at]}`, `'${parts[at]}`, `"${parts[at]}"x`, `'${parts[at]}'x`, `${parts[at]}"`]);
    }
    return parts.join(rng.chance(0.1) ? '  ' : ' ') + (rng.chance(0.8) ? '\r\n' : '\n');
  };

  const byKind = {
    command: () => multibulk(argv()),
    inline: () => inline(false),
    'inline-unbalanced': () => inline(true),
    'random-bytes': () => rng.bytes(1 + rng.int(64)),
    truncated: () => {
      const full = multibulk(argv());
      return full.slice(0, 1 + rng.int(full.length - 1));
    },
    'bad-length': () => rng.pick(BAD_LENGTHS),
    'bad-type': () => rng.pick(BAD_TYPES),
    'bulk-mismatch': () => {
      const a = randomString();
      const delta = rng.pick([-2, -1, 1, 2, 3]);
      return `*2\r\n$4\r\nECHO\r\n$${Math.max(0, a.length + delta)}\r\n${a}\r\n`;
    },
    'big-bulk': () => multibulk(['SET', rng.pick(KEYS), 'v'.repeat(16_384 + rng.int(50_000))]),
    'huge-inline': () => 'x'.repeat(70_000),
  };

  const frame = (kind) => ({ kind, bytes: byKind[kind](), hostile: HOSTILE_KINDS.has(kind) });
  return {
    rng,
    next() {
      let roll = rng.float() * TOTAL_WEIGHT;
      for (const [kind, weight] of KINDS) {
        roll -= weight;
        if (roll < 0) return frame(kind);
      }
      return frame('command');
    },
    nextValid: () => frame(rng.chance(0.85) ? 'command' : 'inline'),
    /** A blocking command (BLPOP, XREAD, ...) as a multibulk frame. */
    nextBlocking: () => ({ kind: 'blocking', bytes: multibulk(argv(true)), hostile: false }),
  };
}
