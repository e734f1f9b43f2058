// Drives a fuzz run against a running server: short-lived connections ("sessions") each send
// a pipelined burst of generated frames and half-close; after every batch the server must
// still be alive, answer PING on a fresh connection within the limit, and stay under an RSS
// bound. Returns counts; the first failed check ends the run.

import { connect } from 'node:net';
import { frameLength } from '@cinnabar/testing';
import { ping, rssBytes } from '../bench/server-process.mjs';
import { createFrameGenerator } from './frames.mjs';

/** Error texts that mean an exception leaked out of the server's JS instead of a Redis error. */
const LEAKED_EXCEPTION = /TypeError|RangeError|ReferenceError|SyntaxError|\bundefined\b|Cannot read prop|is not a function|Maximum call stack/;

export async function runFuzz(opts) {
  const {
    port, pid, isAlive, frames, seed, connections = 16, batchFrames = 20_000,
    maxRssBytes = 1024 ** 3, pingTimeoutMs = 2000, sessionTimeoutMs = 5000, onBatch = () => {},
  } = opts;
  const gen = createFrameGenerator(seed);
  const stats = {
    seed, framesSent: 0, bytesSent: 0, sessions: 0, replies: 0, errorReplies: 0, protocolErrors: 0,
    unparsedSessions: 0, unparsedSamples: [], stuckSessions: 0, batches: 0, rssMin: Infinity, rssMax: 0,
    errorKinds: new Map(), leaked: [], byKind: {}, failure: null, elapsedMs: 0,
  };
  const started = performance.now();

  /**
   * The next session's frames. One in seven is a deep pipeline of valid frames (maybe ending in
   * a hostile one); the rest are short mixes that usually end at their first hostile frame,
   * since a protocol error makes the server drop whatever follows on the connection.
   */
  const nextSession = (budget) => {
    const deep = gen.rng.chance(1 / 7);
    const size = Math.min(budget, deep ? 100 + gen.rng.int(900) : 1 + gen.rng.int(30));
    const parts = [];
    for (let i = 0; i < size; i++) {
      const f = deep ? (i === size - 1 && gen.rng.chance(0.3) ? gen.next() : gen.nextValid()) : gen.next();
      stats.byKind[f.kind] = (stats.byKind[f.kind] ?? 0) + 1;
      parts.push(f.bytes);
      if (f.hostile && gen.rng.chance(0.7)) break;
    }
    // Now and then a blocking command last: it may wait until our EOF, which must free it.
    if (parts.length < size && gen.rng.chance(0.05)) {
      const b = gen.nextBlocking();
      stats.byKind[b.kind] = (stats.byKind[b.kind] ?? 0) + 1;
      parts.push(b.bytes);
    }
    const count = parts.length;
    const bytes = Buffer.from(parts.join(''), 'latin1');
    const splits = gen.rng.chance(0.3) ? 1 + gen.rng.int(4) : 0;
    const cuts = Array.from({ length: splits }, () => gen.rng.int(bytes.length)).sort((a, b) => a - b);
    return { count, bytes, cuts };
  };

  while (stats.framesSent < frames) {
    let left = Math.min(batchFrames, frames - stats.framesSent);
    const worker = async () => {
      while (left > 0) {
        const s = nextSession(left);
        left -= s.count;
        stats.framesSent += s.count;
        stats.bytesSent += s.bytes.length;
        stats.sessions++;
        await session(port, s, sessionTimeoutMs, stats);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    stats.batches++;

    // The checks after each batch: still running, still answering, memory bounded.
    const alive = isAlive();
    const answers = alive && (await ping(port, pingTimeoutMs));
    const rss = rssBytes(pid);
    if (rss !== null) {
      stats.rssMin = Math.min(stats.rssMin, rss);
      stats.rssMax = Math.max(stats.rssMax, rss);
    }
    if (!alive || rss === null) stats.failure = { kind: 'crash', detail: `server exited after ${stats.framesSent} frames` };
    else if (!answers) stats.failure = { kind: 'hang', detail: `no PONG within ${pingTimeoutMs} ms after ${stats.framesSent} frames` };
    else if (rss > maxRssBytes) stats.failure = { kind: 'memory', detail: `RSS ${rss} B over the bound ${maxRssBytes} B` };
    stats.elapsedMs = performance.now() - started;
    onBatch(stats);
    if (stats.failure) break;
  }
  stats.elapsedMs = performance.now() - started;
  return stats;
}

/** One connection: write the burst (maybe split into several writes), half-close, read to the end. */
function session(port, s, timeoutMs, stats) {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setNoDelay(true);
    let pending = Buffer.alloc(0);
    let unparsed = false;
    const timer = setTimeout(() => {
      stats.stuckSessions++;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk) => {
      if (unparsed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        let at = 0;
        for (let len = replyLength(pending, at); len >= 0; len = replyLength(pending, at)) {
          countReply(pending, at, len, stats);
          at += len;
        }
        pending = pending.subarray(at);
      } catch (e) {
        unparsed = true;
        stats.unparsedSessions++;
        // What the client could not parse, for the report: a reply line broken by CR/LF, say.
        if (stats.unparsedSamples.length < 3) stats.unparsedSamples.push(e instanceof Error ? e.message : String(e));
      }
    });
    socket.on('error', () => {
      /* the server may close first (protocol error, QUIT): the 'close' below ends the session */
    });
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.once('connect', async () => {
      let from = 0;
      for (const cut of [...s.cuts, s.bytes.length]) {
        if (socket.destroyed) break;
        socket.write(s.bytes.subarray(from, cut));
        from = cut;
        if (cut < s.bytes.length) await new Promise((r) => setImmediate(r));
      }
      socket.end();
    });
  });
}

/**
 * Length of the reply at `at`, or -1 until it is complete. After SYNC/PSYNC the RDB image comes
 * as `$<len>` and <len> bytes with no CRLF after them (as redis-server sends it).
 */
function replyLength(buf, at) {
  if (buf[at] === 36 /* $ */) {
    const eol = buf.indexOf('\r\n', at, 'latin1');
    if (eol > 0 && buf.length >= eol + 7 && buf.toString('latin1', eol + 2, eol + 7) === 'REDIS') {
      const n = Number(buf.toString('latin1', at + 1, eol));
      return buf.length >= eol + 2 + n ? eol + 2 + n - at : -1;
    }
  }
  return frameLength(buf, at);
}

function countReply(buf, at, len, stats) {
  stats.replies++;
  if (buf[at] !== 0x2d /* '-' */) return;
  stats.errorReplies++;
  const text = buf.toString('latin1', at + 1, at + len - 2);
  if (text.startsWith('ERR Protocol error')) stats.protocolErrors++;
  // Group by the text with quoted parts and numbers blanked, so the summary stays short.
  const shape = text.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').slice(0, 70);
  stats.errorKinds.set(shape, (stats.errorKinds.get(shape) ?? 0) + 1);
  if (LEAKED_EXCEPTION.test(text) && stats.leaked.length < 20) stats.leaked.push(text.slice(0, 200));
}
