// Types for cpu-pinning.mjs, as its test imports it.

export interface PinPlan {
  server: string;
  client: string;
}
export function pinPlan(mode: 'auto' | 'on' | 'none' | string): PinPlan | null;
export function pinProcess(pid: number, cpus: string): void;
export function onCpus(cpus: string | undefined, command: string, args: string[]): { command: string; args: string[] };
