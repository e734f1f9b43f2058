// The one error every RDB decoder throws on malformed input: the message names what is wrong.
// Callers map it to their own reply (RESTORE's "Bad data format", a loader's abort).

export class RdbFormatError extends Error {
  /** Where in the file reading failed, when a file loader knows. */
  offset: number | undefined;

  constructor(message: string) {
    super(message);
    this.name = 'RdbFormatError';
  }
}

/** A value that decodes to an empty collection: a file loader skips the key, RESTORE refuses it. */
export class RdbEmptyKeyError extends RdbFormatError {
  constructor(what: string) {
    super(`empty ${what}`);
    this.name = 'RdbEmptyKeyError';
  }
}

/** Input that ends inside a record: a file still being read may yet supply the rest. */
export class RdbTruncatedError extends RdbFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'RdbTruncatedError';
  }
}
