// setTimeout with no upper bound: Node fires any delay above 2^31-1 ms after 1 ms instead,
// which would time a BLPOP … 3000000 out at once. Longer delays re-arm in steps.

/** The longest delay setTimeout honours. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Run fn after ms (unref'd, so a waiting client never keeps the process alive); returns a cancel. */
export function setLongTimer(fn: () => void, ms: number): () => void {
  let t: NodeJS.Timeout;
  const arm = (left: number): void => {
    const step = Math.min(left, MAX_DELAY_MS);
    t = setTimeout(() => (left > step ? arm(left - step) : fn()), step);
    t.unref();
  };
  arm(Math.max(0, ms));
  return () => clearTimeout(t);
}
