// Types for stats.mjs, as its test imports it.

export function median(xs: readonly number[]): number;
export function pairedRatio(a: readonly number[], b: readonly number[]): number;
