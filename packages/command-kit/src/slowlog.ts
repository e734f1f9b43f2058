// SLOWLOG: commands slower than slowlog-log-slower-than µs, newest first, capped at
// slowlog-max-len entries; arguments clipped as Redis clips them.

export interface SlowlogEntry {
  id: number;
  timeSec: number;
  durationUs: number;
  argv: string[];
  peer: string;
  name: string;
}

const MAX_ARGS = 32;
const MAX_ARG_LEN = 128;

export class Slowlog {
  private entries: SlowlogEntry[] = [];
  private nextId = 0;

  record(argv: readonly string[], durationUs: number, timeSec: number, peer: string, name: string, maxLen: number): void {
    const n = Math.min(argv.length, MAX_ARGS);
    const args: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i === MAX_ARGS - 1 && argv.length > MAX_ARGS) {
        args.push(`... (${argv.length - MAX_ARGS + 1} more arguments)`);
        break;
      }
      const a = argv[i] as string;
      args.push(a.length > MAX_ARG_LEN ? `${a.slice(0, MAX_ARG_LEN)}... (${a.length - MAX_ARG_LEN} more bytes)` : a);
    }
    this.entries.unshift({ id: this.nextId++, timeSec, durationUs, argv: args, peer, name });
    this.trim(maxLen);
  }

  trim(maxLen: number): void {
    if (this.entries.length > maxLen) this.entries.length = Math.max(0, maxLen);
  }

  get(count: number): SlowlogEntry[] {
    return this.entries.slice(0, count);
  }

  get length(): number {
    return this.entries.length;
  }

  reset(): void {
    this.entries = [];
  }
}
