// Replies written straight to a socket's native handle instead of through its Writable stream.
// socket.write costs a WriteWrap object, the stream's state machine and an after-write tick per
// call; a reply flush needs none of that when the kernel takes the bytes at once, which is
// nearly always. This makes the same native call net.Socket makes (handle.writeBuffer, or
// handle.writev for several buffers) with one reusable request object, and only when the kernel
// could not take everything does it keep that object (and the buffers) until libuv completes the
// write. Node internals used: process.binding('stream_wrap') (WriteWrap, streamBaseState) and
// the handle's writeBuffer/writev, unchanged from Node 12 to 24; where they are missing, or
// the stream itself still holds data, writes go through socket.write.

import { type Buffer } from 'node:buffer';
import type { Socket } from 'node:net';

interface WriteReq {
  handle?: NativeHandle;
  oncomplete?: (status: number) => void;
  buffers?: Buffer[];
}

interface NativeHandle {
  writeBuffer(req: WriteReq, data: Buffer): number;
  writev(req: WriteReq, chunks: Buffer[], allBuffers: boolean): number;
}

interface StreamWrapBinding {
  WriteWrap: new () => WriteReq;
  streamBaseState: Int32Array;
  kLastWriteWasAsync: number;
}

/** Beyond this many bytes waiting in libuv, the caller is told to stop reading (as a stream's highWaterMark). */
const HIGH_WATER = 16 * 1024;

function loadBinding(): StreamWrapBinding | null {
  // process.binding is deprecated in the docs only (DEP0111); should a Node warn at runtime,
  // the server's log is not the place for it.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const b = (process as unknown as { binding(name: string): Partial<StreamWrapBinding> }).binding('stream_wrap');
    if (typeof b.WriteWrap !== 'function' || !(b.streamBaseState instanceof Int32Array) || typeof b.kLastWriteWasAsync !== 'number') {
      return null;
    }
    return b as StreamWrapBinding;
  } catch {
    return null;
  } finally {
    process.noDeprecation = quiet;
  }
}

const binding = loadBinding();

export class SocketWriter {
  private req: WriteReq | null = null;
  /** Bytes handed to libuv that it has not written yet. */
  private pending = 0;

  constructor(
    private readonly socket: Socket,
    /** Everything pending was written: reading may resume. */
    private readonly onDrain: () => void,
  ) {}

  /** Bytes accepted but not yet in the kernel (CLIENT LIST omem, output limits). */
  get pendingBytes(): number {
    return this.pending + this.socket.writableLength;
  }

  /** True while reading should stay paused: too much output is waiting (a stream's highWaterMark). */
  get needsDrain(): boolean {
    return this.pending >= HIGH_WATER || this.socket.writableNeedDrain;
  }

  /**
   * Write `bufs` in order, as one syscall when the kernel takes them. True when the buffers
   * were consumed at once (the caller may reuse their memory); whether the caller may keep
   * reading is needsDrain.
   */
  write(bufs: Buffer[]): boolean {
    const handle = this.nativeHandle();
    if (handle === null) {
      if (bufs.length > 1) this.socket.cork();
      for (const b of bufs) this.socket.write(b);
      if (bufs.length > 1) this.socket.uncork();
      return false;
    }
    const req = this.req ?? this.newReq(handle);
    const err = bufs.length === 1 ? handle.writeBuffer(req, bufs[0] as Buffer) : handle.writev(req, bufs, true);
    if (err !== 0) {
      this.socket.destroy();
      return true;
    }
    if ((binding as StreamWrapBinding).streamBaseState[(binding as StreamWrapBinding).kLastWriteWasAsync] === 0) return true;
    // libuv holds the request and points into the buffers until it calls back.
    let bytes = 0;
    for (const b of bufs) bytes += b.length;
    this.pending += bytes;
    req.buffers = bufs;
    req.oncomplete = (status: number) => this.completed(bytes, status);
    this.req = null;
    return false;
  }

  /** The handle to write to directly, or null when the stream must be used. */
  private nativeHandle(): NativeHandle | null {
    if (binding === null) return null;
    // Data the stream still holds (a fallback write that went asynchronous) must leave first.
    if (this.socket.writableLength > 0 || this.socket.destroyed) return null;
    const handle = (this.socket as unknown as { _handle?: NativeHandle | null })._handle;
    if (handle === null || handle === undefined || typeof handle.writeBuffer !== 'function') return null;
    return handle;
  }

  private newReq(handle: NativeHandle): WriteReq {
    const req = new (binding as StreamWrapBinding).WriteWrap();
    req.handle = handle;
    this.req = req;
    return req;
  }

  private completed(bytes: number, status: number): void {
    this.pending -= bytes;
    if (status < 0) {
      this.socket.destroy();
      return;
    }
    if (this.pending === 0) this.onDrain();
  }
}
