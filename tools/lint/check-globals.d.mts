// Types for check-globals.mjs, the accessor-globals lint, as its test imports it.

/** Problems in one file's text: accessor globals used without their import. */
export function globalProblems(text: string): string[];
