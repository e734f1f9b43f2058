// Helper threads for the GC while the dataset loads at startup. cinnabar-server starts V8 with
// --no-parallel-scavenge: serving requests, its scavenges are short and cost less CPU on the
// main thread than handed to helper threads, whose cores the clients' own processes want too.
// A startup load is the opposite case: nothing is served (clients get -LOADING), every value
// read survives, and each scavenge also walks the remembered sets of an old generation growing
// to the whole dataset — measured on 1M keys of 100 bytes: 205 scavenges of 2–20 ms, half the
// load's time; parallel scavenges cut the load by about a sixth (3.1 → 2.6 s, medians).
//
// Not during a BGSAVE: under a client load that keeps the other core busy, the helpers wait for
// a core and the longest scavenge pause doubled (bench:persistence, 13 → 27 ms).
//
// V8 reads the flag at every scavenge, and Node leaves V8's flags writable for
// v8.setFlagsFromString. A process started without --no-parallel-scavenge is left alone.

import { setFlagsFromString } from 'node:v8';

const OFF = '--no-parallel-scavenge';
const ON = '--parallel-scavenge';

export interface GcFlagAccess {
  /** The node options the process was started with (process.execArgv). */
  readonly startedWith: readonly string[];
  /** Change a V8 flag now (v8.setFlagsFromString). */
  set(flag: string): void;
}

const processFlags: GcFlagAccess = { startedWith: process.execArgv, set: setFlagsFromString };

/** Run `work` with parallel scavenges, then put the flag back as the process was started. */
export async function withParallelScavenge<T>(work: () => Promise<T>, flags: GcFlagAccess = processFlags): Promise<T> {
  const startedOff = flags.startedWith.filter((f) => f === OFF || f === ON).at(-1) === OFF;
  if (!startedOff) return work();
  flags.set(ON);
  try {
    return await work();
  } finally {
    flags.set(OFF);
  }
}
