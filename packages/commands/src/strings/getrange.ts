import { defineCommand, type Handler, int64Arg } from '@cinnabar/command-kit';

/** GETRANGE and SUBSTR: both indexes are parsed before the key is looked up. */
export const getRangeHandler: Handler = ({ db }, argv) => {
  const start = int64Arg(argv[2] as string);
  const end = int64Arg(argv[3] as string);
  return db.strings.getRange(argv[1] as string, start, end);
};

export const getrange = defineCommand({
  name: 'getrange', arity: 4, flags: ['readonly'], acl: ['@read', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get a substring of the string stored at a key', since: '2.4.0', group: 'string', complexity: 'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.' },
  run: getRangeHandler,
});
