// What the network layer needs from the rest of the server, declared here and
// implemented by the app (which hands it the dispatcher). Network never imports commands.

import type { Connection } from './connection.js';

export interface ConnectionHandler {
  /** One complete request. */
  onRequest(argv: string[]): void;
  /** The socket closed, for whatever reason. */
  onClose(): void;
  /** True while the client must authenticate first (stricter protocol limits apply). */
  authRequired(): boolean;
}

export interface CommandService {
  /**
   * A client connected. Return its handler, or a reason to refuse it (the text is sent
   * as an error reply before the socket closes).
   */
  open(conn: Connection): ConnectionHandler | { refuse: string };
  /** proto-max-bulk-len, read on every bulk header. */
  maxBulkLen(): number;
  /** Byte counters for INFO stats. */
  countInput(bytes: number): void;
  countOutput(bytes: number): void;
  /** A protocol error closed a client (logged by the app at its level). */
  protocolError(conn: Connection, message: string): void;
  /** Runs before replies are written to a socket (the AOF is written and fsynced first). */
  beforeFlush?(): void;
}
