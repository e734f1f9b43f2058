/**
 * The keys of GEORADIUS[BYMEMBER] as Redis 7.0's key specs find them: the source, then the
 * argument after the first STORE and after the first STOREDIST searched from `startFrom` on.
 */
export function georadiusKeys(startFrom: number): (argv: readonly string[]) => number[] {
  return (argv) => {
    const keys = [1];
    for (const keyword of ['store', 'storedist']) {
      for (let i = startFrom; i < argv.length; i++) {
        if ((argv[i] as string).toLowerCase() !== keyword) continue;
        if (i + 1 < argv.length) keys.push(i + 1);
        break;
      }
    }
    return keys;
  };
}
