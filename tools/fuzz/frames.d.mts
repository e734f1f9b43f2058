// Types for frames.mjs, the fuzzer's seeded frame generator.

export interface Random {
  float(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): string;
}
export interface Frame {
  kind: string;
  /** latin1: one char per byte */
  bytes: string;
  hostile: boolean;
}
export declare const FRAME_KINDS: readonly string[];
export declare const HOSTILE_KINDS: ReadonlySet<string>;
export declare function createRandom(seed: number): Random;
export declare function createFrameGenerator(seed: number): {
  rng: Random;
  next(): Frame;
  nextValid(): Frame;
  nextBlocking(): Frame;
};
