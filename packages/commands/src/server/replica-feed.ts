// The primary side of a full resynchronisation, as SYNC and PSYNC start it: the RDB image of
// the dataset, then every effect of the one write path as the replication stream (RESP
// commands with SELECT), until the replica's connection closes.

import { Buffer } from 'node:buffer';
import type { ClientSession, ServerContext } from '@cinnabar/command-kit';
import { CommandStreamEncoder, reply } from '@cinnabar/resp';

/** Replica sessions per server, with the function that detaches each. */
const feeds = new WeakMap<ServerContext, Map<ClientSession, () => void>>();

function replicasOf(server: ServerContext): Map<ClientSession, () => void> {
  let m = feeds.get(server);
  if (m === undefined) {
    const created = new Map<ClientSession, () => void>();
    feeds.set(server, created);
    server.onSessionClose.push((c) => {
      created.get(c)?.();
      created.delete(c);
    });
    m = created;
  }
  return m;
}

/** Connected replicas (INFO replication connected_slaves). */
export function replicaCount(server: ServerContext): number {
  return feeds.get(server)?.size ?? 0;
}

/**
 * Turn the session into a replica link: `header` (e.g. +FULLRESYNC) and the RDB payload as a
 * `$<len>` bulk without trailing CRLF, then the stream. The offset grows by what is sent.
 * From then on the session only carries the stream: a command it sends that would be
 * answered closes it (ClientSession.replica).
 */
export function attachReplica(c: ClientSession, header: string): undefined {
  const server = c.server;
  const replicas = replicasOf(server);
  if (replicas.has(c)) return undefined;
  const rdb = server.persistence.replicationSnapshot();
  const stream = new CommandStreamEncoder();
  const detach = server.propagation.subscribe((batch) => {
    const text = stream.encode(batch);
    server.replication.offset += text.length;
    c.link.write(reply.raw(text), c.resp);
  });
  replicas.set(c, detach);
  c.link.write(reply.raw(Buffer.concat([Buffer.from(`${header}$${rdb.length}\r\n`, 'latin1'), rdb])), c.resp);
  c.replica = true;
  return undefined;
}
