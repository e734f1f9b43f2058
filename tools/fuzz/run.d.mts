// Types for run.mjs, the fuzz driver shared by `npm run fuzz` and fuzz.test.ts.

export interface FuzzOptions {
  port: number;
  pid: number;
  isAlive(): boolean;
  frames: number;
  seed: number;
  connections?: number;
  batchFrames?: number;
  maxRssBytes?: number;
  pingTimeoutMs?: number;
  sessionTimeoutMs?: number;
  onBatch?(stats: FuzzStats): void;
}
export interface FuzzStats {
  seed: number;
  framesSent: number;
  bytesSent: number;
  sessions: number;
  replies: number;
  errorReplies: number;
  protocolErrors: number;
  unparsedSessions: number;
  /** The first few parse errors, for the report. */
  unparsedSamples: string[];
  stuckSessions: number;
  batches: number;
  rssMin: number;
  rssMax: number;
  errorKinds: Map<string, number>;
  leaked: string[];
  byKind: Record<string, number>;
  failure: null | { kind: 'crash' | 'hang' | 'memory'; detail: string };
  elapsedMs: number;
}
export declare function runFuzz(opts: FuzzOptions): Promise<FuzzStats>;
