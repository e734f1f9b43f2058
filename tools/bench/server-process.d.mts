// Types for server-process.mjs, for the TypeScript tests that start servers through it.
import type { ManagedProcess } from '@cinnabar/testing';

export declare const PORT_RANGE: { from: number; to: number };
export declare function freePort(range?: { from: number; to: number }): Promise<number>;
export interface StartOptions {
  directives?: Record<string, string | number | readonly string[]>;
  viaNode?: boolean;
  readyTimeoutMs?: number;
  /** Port range to draw from (default PORT_RANGE). */
  ports?: { from: number; to: number };
}
export declare function startServer(kind: 'redis' | 'cinnabar', opts?: StartOptions): Promise<ManagedProcess & { name: string }>;
export declare function ping(port: number, timeoutMs?: number): Promise<boolean>;
export declare function stopAll(): Promise<void>;
export declare function installCleanup(): void;
export declare function clockTicksPerSecond(): number;
export declare function cpuTicks(pid: number): number;
export declare function rssBytes(pid: number): number | null;
