// The stream type's public surface, re-exported by the package index in one line.
export { StreamValue, type StreamEntry, type StreamNodeLimits, type TrimArgs, type StreamNodeView, type StreamMeta } from './stream.js';
export { ConsumerGroup, Consumer, IdMap, type Nack, INVALID_ENTRIES_READ } from './stream-group.js';
export { type StreamId, type ParsedId, MIN_ID, MAX_ID, makeId, idMs, idSeq, formatId, parseStreamId } from './stream-id.js';
