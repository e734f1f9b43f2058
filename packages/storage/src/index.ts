export { Keyspace, type KeyspaceOptions } from './keyspace.js';
export { Database } from './database.js';
export { Entry } from './entry.js';
export { EventClass, type EventClassBit, type KeyspaceObserver, nullObserver } from './events.js';
export type { KeyspaceContext, KeyspaceStats } from './keyspace-context.js';
export { type Value, type AggregateValue, typeName, stringEncoding } from './value.js';
export { StringOps, type SetOptions, type SetResult, sliceRange, checkSize, MAX_STRING_BYTES } from './types/strings.js';
