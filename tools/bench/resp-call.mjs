// A minimal RESP client for the measurement tools: encodes commands as multibulk frames,
// reads replies with the project's ReplyParser, pipelines, and bounds every wait by a timeout.

import { connect } from 'node:net';
import { ReplyParser } from '@cinnabar/resp';

/** One command as a multibulk frame (arguments are latin1 strings: one char per byte). */
export function encodeCommand(args) {
  let out = `*${args.length}\r\n`;
  for (const a of args) {
    const s = String(a);
    out += `$${Buffer.byteLength(s, 'latin1')}\r\n${s}\r\n`;
  }
  return out;
}

export class RespConnection {
  static open(port, timeoutMs = 2000) {
    return new Promise((done, fail) => {
      const socket = connect({ port, host: '127.0.0.1' });
      const timer = setTimeout(() => {
        socket.destroy();
        fail(new Error(`connect to ${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        done(new RespConnection(socket));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        fail(e);
      });
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.parser = new ReplyParser();
    this.waiting = [];
    this.closedError = null;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.parser.feed(chunk);
      for (let r = this.parser.next(); r !== undefined && this.waiting.length > 0; r = this.parser.next()) {
        this.waiting.shift().done(r);
      }
    });
    const closed = (e) => {
      this.closedError ??= e ?? new Error('connection closed');
      for (const w of this.waiting.splice(0)) w.fail(this.closedError);
    };
    socket.on('error', closed);
    socket.on('close', () => closed());
  }

  /** Sends one command; resolves with the parsed reply, rejects on timeout or close. */
  call(args, timeoutMs = 5000) {
    return this.pipeline([args], timeoutMs).then((r) => r[0]);
  }

  /** Sends many commands in one write; resolves with all replies in order. */
  pipeline(commands, timeoutMs = 30_000) {
    if (this.closedError) return Promise.reject(this.closedError);
    const replies = commands.map(
      () => new Promise((done, fail) => this.waiting.push({ done, fail })),
    );
    this.socket.write(commands.map(encodeCommand).join(''), 'latin1');
    let timer;
    const timeout = new Promise((_, fail) => {
      timer = setTimeout(() => {
        // Replies still owed would be matched to the wrong requests: give the connection up.
        this.socket.destroy();
        fail(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    return Promise.race([Promise.all(replies), timeout]).finally(() => clearTimeout(timer));
  }

  close() {
    this.socket.destroy();
  }
}

/** One command on a fresh connection. */
export async function callOnce(port, args, timeoutMs = 5000) {
  const c = await RespConnection.open(port, timeoutMs);
  try {
    return await c.call(args, timeoutMs);
  } finally {
    c.close();
  }
}

/** True when the server answers PING with +PONG on a fresh connection within `timeoutMs`. */
export async function ping(port, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  try {
    const c = await RespConnection.open(port, timeoutMs);
    try {
      const reply = await c.call(['PING'], Math.max(1, deadline - Date.now()));
      return typeof reply === 'object' && reply !== null && reply.simple === 'PONG';
    } finally {
      c.close();
    }
  } catch {
    return false;
  }
}
