// Persistence: the RDB codec (Redis format v10), DUMP/RESTORE payloads and the multi-part AOF.
export * from './aof/manifest.js';
export * from './aof/aof-files.js';
export * from './aof/aof-writer.js';
export * from './aof/aof-loader.js';
export * from './aof/aof-rewrite.js';
export * from './rdb/errors.js';
export * from './rdb/rdb-save.js';
export * from './rdb/rdb-load.js';
export * from './rdb/rdb-file-source.js';
export * from './rdb/dump-payload.js';
export * from './rdb/function-payload.js';
