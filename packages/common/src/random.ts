// Injected randomness: a seedable generator so sampling and tie-breaks replay from a seed.

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** xorshift128+ over two 32-bit halves: fast, seedable, good enough for sampling. */
export class SeededRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(readonly seed: number) {
    this.a = seed | 0 || 1;
    this.b = (seed * 2654435761) | 0 || 2;
    this.c = (seed ^ 0xdeadbeef) | 0 || 3;
    this.d = (seed * 1597334677) | 0 || 4;
    for (let i = 0; i < 16; i++) this.next();
  }
  next(): number {
    // sfc32
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export const systemRandom: Random = {
  next: () => Math.random(),
  int: (n) => Math.floor(Math.random() * n),
};
