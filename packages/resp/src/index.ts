export {
  type Reply, reply, isErrorReply, SimpleReply, ErrorReply, DoubleReply, BoolReply, MapReply, SetReply,
  PushReply, VerbatimReply, BigNumberReply, NullArrayReply, AttributeReply, RawReply,
} from './reply.js';
export { OutputBuffer } from './output-buffer.js';
export { encodeReply, type ProtocolVersion } from './encoder.js';
export { RequestDecoder, type DecoderLimits, INLINE_MAX_BYTES } from './decoder.js';
export { ProtocolError } from './protocol-error.js';
export { splitArgs } from './split-args.js';
export { ReplyParser, type ParsedReply } from './reply-parser.js';
export { CommandStreamEncoder, encodeCommand, type DbCommand } from './command-stream.js';
