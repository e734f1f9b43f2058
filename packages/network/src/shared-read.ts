// Accepted sockets that read into one shared buffer. Node gives a server's sockets a fresh
// 64 KB allocation per read (shrunk to size with realloc) and passes each chunk through the
// Readable stream machinery; a client socket can instead read into a caller's buffer
// (`onread`), but net.Server has no option for it. This takes over the listening handle's
// connection callback to build such sockets. Every read is parsed before the callback returns
// and the decoder copies out whatever it has not consumed, so one buffer serves every
// connection. Node internals used: the listener's `_handle.onconnection` and Socket's `handle`
// option (both unchanged from Node 12 to 24); without them the server keeps Node's default path.

import { Buffer } from 'node:buffer';
import { type Server, Socket } from 'node:net';

/** Called for each read with the bytes in `buf[0, nread)`; must be done with them on return. */
export type ReadCallback = (nread: number, buf: Buffer) => void;

const SHARED = Buffer.allocUnsafe(64 * 1024);

interface ListenHandle {
  onconnection?: (err: number, clientHandle: unknown) => void;
}

/**
 * Make `server` hand out sockets that read into the shared buffer: `accept(socket, setReader)`
 * is called instead of the 'connection' event, and the reader set there receives the reads.
 * False (nothing changed) when this Node does not expose what it needs.
 */
export function useSharedReadBuffer(server: Server, accept: (socket: Socket, setReader: (r: ReadCallback) => void) => void): boolean {
  const handle = (server as unknown as { _handle?: ListenHandle })._handle;
  const original = handle?.onconnection;
  if (handle === undefined || typeof original !== 'function') return false;
  handle.onconnection = function onconnection(this: ListenHandle, err: number, clientHandle: unknown): void {
    if (err !== 0 && err !== undefined) {
      original.call(this, err, clientHandle);
      return;
    }
    let reader: ReadCallback | null = null;
    const options = {
      handle: clientHandle,
      readable: true,
      writable: true,
      onread: {
        buffer: SHARED,
        callback: (nread: number, buf: Buffer): boolean => {
          reader?.(nread, buf);
          return true;
        },
      },
    };
    const socket = new Socket(options as ConstructorParameters<typeof Socket>[0]);
    accept(socket, (r) => (reader = r));
  };
  return true;
}
