// Persistence: the RDB codec (Redis format v10), DUMP/RESTORE payloads and the multi-part AOF.
