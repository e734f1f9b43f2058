// The registry of connected sessions: ids, CLIENT LIST/KILL lookups, INFO clients.

import type { ClientSession } from './session.js';

export class ClientRegistry {
  private readonly byId = new Map<number, ClientSession>();
  private nextId = 1;
  /** CLIENT PAUSE: until when (ms) and whether only writes are paused. */
  pauseUntilMs = 0;
  pauseWritesOnly = false;

  allocateId(): number {
    return this.nextId++;
  }

  add(c: ClientSession): void {
    this.byId.set(c.id, c);
  }

  remove(c: ClientSession): void {
    this.byId.delete(c.id);
  }

  get(id: number): ClientSession | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): IterableIterator<ClientSession> {
    return this.byId.values();
  }
}
