// The process's memory figures as INFO memory and MEMORY STATS name them. V8's heap plus
// external buffers stand in for the allocator's used_memory; RSS is the process's own.

import { freemem, totalmem } from 'node:os';
import type { ServerContext } from '@cinnabar/command-kit';

export interface MemoryFigures {
  used: number;
  rss: number;
  peak: number;
  startup: number;
  heapTotal: number;
  total: number;
  free: number;
}

let startupMemory = 0;

export function usedMemory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

export function memoryFigures(server: ServerContext): MemoryFigures {
  const m = process.memoryUsage();
  const used = m.heapUsed + m.external;
  if (startupMemory === 0) startupMemory = used;
  if (used > server.stats.peakMemory) server.stats.peakMemory = used;
  return {
    used, rss: m.rss, peak: server.stats.peakMemory, startup: Math.min(startupMemory, used),
    heapTotal: m.heapTotal, total: totalmem(), free: freemem(),
  };
}

/** bytesToHuman: 1023B, 1.50K, 2.00M… */
export function bytesToHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024 || n >= 1024 ** 6) return `${n}B`;
  let d = n;
  for (const u of units) {
    d /= 1024;
    if (d < 1024 || u === 'P') return `${d.toFixed(2)}${u}`;
  }
  return `${n}B`;
}
