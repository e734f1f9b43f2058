export { RedisError, WrongTypeError, NotIntegerError, NotFloatError, SyntaxError, NoSuchKeyError, OverflowError, errors } from './errors.js';
export { invariant, InvariantViolation } from './invariant.js';
export { type Clock, systemClock, FakeClock } from './clock.js';
export { type Random, SeededRandom, systemRandom } from './random.js';
export { type Int64, INT64_MAX, INT64_MIN, parseInt64, normalize, addInt64, negateInt64, isInt64Text } from './int64.js';
export { parseDouble, formatDouble, formatG, addDecimalStrings, formatFixed17 } from './double.js';
export { globMatch, isLiteralPattern } from './glob.js';
export { crc16, keyHashSlot } from './crc16.js';
export { parseMemory, formatBytesHuman } from './units.js';
