// A malformed request. Redis answers "-ERR Protocol error: …" and closes the connection.

export class ProtocolError extends Error {
  constructor(readonly detail: string) {
    super(`Protocol error: ${detail}`);
    this.name = 'ProtocolError';
  }
}
