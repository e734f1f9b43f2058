// Typed operating errors. The message is Redis's reply text without the leading '-';
// the dispatcher turns any RedisError into an error reply in one place.

export class RedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisError';
  }
  /** The first word of the reply ("ERR", "WRONGTYPE"…), used by INFO errorstats. */
  get code(): string {
    const space = this.message.indexOf(' ');
    return space < 0 ? this.message : this.message.slice(0, space);
  }
}

export class WrongTypeError extends RedisError {
  constructor() {
    super('WRONGTYPE Operation against a key holding the wrong kind of value');
  }
}

export class NotIntegerError extends RedisError {
  constructor() {
    super('ERR value is not an integer or out of range');
  }
}

export class NotFloatError extends RedisError {
  constructor() {
    super('ERR value is not a valid float');
  }
}

export class SyntaxError extends RedisError {
  constructor() {
    super('ERR syntax error');
  }
}

export class NoSuchKeyError extends RedisError {
  constructor() {
    super('ERR no such key');
  }
}

export class OverflowError extends RedisError {
  constructor(message = 'ERR increment or decrement would overflow') {
    super(message);
  }
}

export const errors = {
  syntax: () => new SyntaxError(),
  notInteger: () => new NotIntegerError(),
  notFloat: () => new NotFloatError(),
  wrongType: () => new WrongTypeError(),
  noSuchKey: () => new NoSuchKeyError(),
  err: (text: string) => new RedisError(`ERR ${text}`),
};
