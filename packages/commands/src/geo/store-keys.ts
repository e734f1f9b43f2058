/** georadiusGetKeys: the source key and the key after the last STORE or STOREDIST. */
export function georadiusKeys(argv: readonly string[]): number[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    const a = (argv[i] as string).toLowerCase();
    if ((a === 'store' || a === 'storedist') && i + 1 < argv.length) {
      stored = i + 1;
      i++;
    }
  }
  return stored === -1 ? [1] : [1, stored];
}
