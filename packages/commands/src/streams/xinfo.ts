// XINFO STREAM [FULL [COUNT n]], GROUPS, CONSUMERS and HELP, in Redis 7.0's reply shapes.
import { NoSuchKeyError, RedisError } from '@cinnabar/common';
import { type ClientSession, defineCommand, defineContainer } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { type ConsumerGroup, formatId, MAX_ID, type StreamValue } from '@cinnabar/storage';
import { helpReply, subcommandSyntaxError } from '@cinnabar/command-kit';
import { boundArg, entryReply, readStream } from './stream-ops.js';

function streamAt(c: ClientSession, key: string): StreamValue {
  const s = readStream(c.db, key);
  if (s === undefined) throw new NoSuchKeyError();
  return s;
}

const nullable = (n: number) => (n === -1 ? null : n);

function groupFull(s: StreamValue, name: string, g: ConsumerGroup, count: number): Reply {
  const limit = (n: number) => (count === 0 ? n : Math.min(n, count));
  const pending = g.pel.range(0n, MAX_ID, limit(g.pel.size)).map(([id, n]) => [formatId(id), n.consumer.name, n.deliveryTimeMs, n.deliveryCount]);
  const consumers = g.sortedConsumers().map((k) => reply.map([
    'name', k.name, 'seen-time', k.seenTimeMs, 'pel-count', k.pel.size,
    'pending', k.pel.range(0n, MAX_ID, limit(k.pel.size)).map(([id, n]) => [formatId(id), n.deliveryTimeMs, n.deliveryCount]),
  ]));
  return reply.map([
    'name', name, 'last-delivered-id', formatId(g.lastId), 'entries-read', nullable(g.entriesRead),
    'lag', s.groupLag(g), 'pel-count', g.pel.size, 'pending', pending, 'consumers', consumers,
  ]);
}

function streamInfo(s: StreamValue, argv: readonly string[]): Reply {
  const opts = argv.slice(3);
  let count = 10;
  if (opts.length !== 0) {
    if ((opts.length !== 1 && opts.length !== 3) || (opts[0] as string).toUpperCase() !== 'FULL') throw new RedisError(subcommandSyntaxError(argv));
    if (opts.length === 3) {
      if ((opts[1] as string).toUpperCase() !== 'COUNT') throw new RedisError(subcommandSyntaxError(argv));
      count = boundArg(opts[2] as string);
      if (count < 0) count = 10;
    }
  }
  const head: Reply[] = [
    'length', s.length, 'radix-tree-keys', s.nodeCount, 'radix-tree-nodes', s.radixNodeCount,
    'last-generated-id', formatId(s.lastId), 'max-deleted-entry-id', formatId(s.maxDeletedId),
    'entries-added', s.entriesAdded, 'recorded-first-entry-id', formatId(s.firstId),
  ];
  if (opts.length === 0) {
    const first = s.edge(false);
    const last = s.edge(true);
    return reply.map([...head, 'groups', s.groups.size, 'first-entry', first ? entryReply(first) : null, 'last-entry', last ? entryReply(last) : null]);
  }
  return reply.map([
    ...head, 'entries', s.range(0n, MAX_ID, false, count).map(entryReply),
    'groups', s.sortedGroups().map(([name, g]) => groupFull(s, name, g, count)),
  ]);
}

const doc = (summary: string) => ({ summary, since: '5.0.0', group: 'stream', complexity: 'O(1)' });

const stream = defineCommand({
  name: 'xinfo|stream', arity: -3, flags: ['readonly'], acl: ['@read', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO', 'ACCESS'] }, docs: doc('Get information about a stream'),
  run: (c, argv) => streamInfo(streamAt(c, argv[2] as string), argv),
});

const groups = defineCommand({
  name: 'xinfo|groups', arity: 3, flags: ['readonly'], acl: ['@read', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO', 'ACCESS'] }, docs: doc('List the consumer groups of a stream'),
  run: (c, argv) => {
    const s = streamAt(c, argv[2] as string);
    return s.sortedGroups().map(([name, g]) => reply.map([
      'name', name, 'consumers', g.consumers.size, 'pending', g.pel.size, 'last-delivered-id', formatId(g.lastId),
      'entries-read', nullable(g.entriesRead), 'lag', s.groupLag(g),
    ]));
  },
});

const consumers = defineCommand({
  name: 'xinfo|consumers', arity: 4, flags: ['readonly'], acl: ['@read', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO', 'ACCESS'] }, docs: doc('List the consumers in a consumer group'),
  tips: ['nondeterministic_output'],
  run: (c, argv) => {
    const key = argv[2] as string;
    const g = streamAt(c, key).groups.get(argv[3] as string);
    if (g === undefined) throw new RedisError(`NOGROUP No such consumer group '${argv[3]}' for key name '${key}'`);
    const now = c.server.clock.nowMs();
    return g.sortedConsumers().map((k) => reply.map(['name', k.name, 'pending', k.pel.size, 'idle', Math.max(0, now - k.seenTimeMs)]));
  },
});

const HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

const help = defineCommand({
  name: 'xinfo|help', arity: 2, flags: ['loading', 'stale'], acl: ['@stream', '@slow'], docs: doc('Show helpful text about the different subcommands'),
  run: (_c, argv) => helpReply(argv[0] as string, HELP),
});

export const xinfo = defineContainer({
  name: 'xinfo', docs: { summary: 'A container for stream introspection commands', since: '5.0.0', group: 'stream', complexity: 'Depends on subcommand.' },
}, [stream, groups, consumers, help]);
