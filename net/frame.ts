/**
 * Frames on a connection between nodes: a 4-byte big-endian length, then that many bytes (one
 * CBOR item). The reader checks a length against the maximum before it allocates anything; the
 * writer coalesces frames into one buffer and writes it once per turn of the event loop.
 *
 * @module
 */

// Bytes of waiting frames that are written at once rather than at the end of the turn.
const EAGER_WRITE = 1 << 30;

/** The largest frame a node accepts by default: 64 MiB. */
export const DEFAULT_MAX_FRAME = 64 * 1024 * 1024;

/** A frame that cannot be read: too large, or cut off by the end of the stream. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrameError";
  }
}

/** A byte stream to read frames from and write them to. */
export interface Stream {
  read(p: Uint8Array): Promise<number | null>;
  write(p: Uint8Array): Promise<number>;
}

/** Reads frames from a stream into one reused buffer. */
export class FrameReader {
  readonly #s: Stream;
  #max: number;
  #buf = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;

  constructor(stream: Stream, maxFrame = DEFAULT_MAX_FRAME) {
    this.#s = stream;
    this.#max = maxFrame;
  }

  /** The largest frame accepted: small during a handshake, larger once the peer is known. */
  set maxFrame(n: number) {
    this.#max = n;
  }

  /**
   * The next whole frame already read, or `null` if more bytes are needed. The bytes are a view
   * into the reader's buffer: use them before the next call to `take` or `fill`.
   */
  take(): Uint8Array | null {
    const avail = this.#end - this.#start;
    if (avail < 4) return null;
    const b = this.#buf;
    const s = this.#start;
    const len = ((b[s] as number) << 24 | (b[s + 1] as number) << 16 | (b[s + 2] as number) << 8 |
      (b[s + 3] as number)) >>> 0;
    if (len > this.#max) {
      throw new FrameError(`Frame of ${len} bytes exceeds the maximum ${this.#max}`);
    }
    if (avail < 4 + len) {
      this.#room(4 + len);
      return null;
    }
    this.#start = s + 4 + len;
    return b.subarray(s + 4, s + 4 + len);
  }

  /** Reads more bytes; `false` at a clean end of stream, a FrameError at one mid-frame. */
  async fill(): Promise<boolean> {
    if (this.#start === this.#end) {
      this.#start = this.#end = 0;
      if (this.#buf.length > 1 << 20) this.#buf = new Uint8Array(64 * 1024); // after a huge frame
    } else if (this.#buf.length - this.#end < 4096) this.#room(this.#end - this.#start + 4096);
    const n = await this.#s.read(this.#buf.subarray(this.#end));
    if (n === null) {
      if (this.#end > this.#start) {
        throw new FrameError(
          `Connection closed in the middle of a frame (${this.#end - this.#start} bytes read)`,
        );
      }
      return false;
    }
    this.#end += n;
    return true;
  }

  /** The next frame, reading as needed; `null` at a clean end of stream. */
  async next(): Promise<Uint8Array | null> {
    for (;;) {
      const f = this.take();
      if (f !== null) return f;
      if (!(await this.fill())) return null;
    }
  }

  // Makes room for `need` bytes from the start of the pending data, moving it to the front.
  #room(need: number): void {
    if (this.#buf.length - this.#start >= need) return;
    const pending = this.#end - this.#start;
    if (this.#buf.length >= need) this.#buf.copyWithin(0, this.#start, this.#end);
    else {
      const b = new Uint8Array(Math.max(need, this.#buf.length * 2));
      b.set(this.#buf.subarray(this.#start, this.#end));
      this.#buf = b;
    }
    this.#start = 0;
    this.#end = pending;
  }
}

/**
 * Writes frames: each {@linkcode send} appends to a buffer, and the buffer goes out in one write
 * per turn. While a write is under way the next frames gather in a second buffer.
 */
export class FrameWriter {
  readonly #s: Stream;
  #buf = new Uint8Array(64 * 1024);
  #len = 0;
  #spare = new Uint8Array(64 * 1024);
  #writing = false;
  #scheduled = false;
  #closed = false;
  #error: unknown = undefined;
  readonly #onDrain: () => void;
  readonly #onError: (e: unknown) => void;
  readonly #flush = () => {
    this.#scheduled = false;
    void this.#writeOut();
  };

  /** `onDrain` runs after each write completes; `onError` when a write fails. */
  constructor(stream: Stream, onDrain: () => void, onError: (e: unknown) => void) {
    this.#s = stream;
    this.#onDrain = onDrain;
    this.#onError = onError;
  }

  /** Bytes waiting to be written. */
  get pending(): number {
    return this.#len;
  }

  /** Appends a whole frame (length included) and makes sure it is written soon. */
  send(frame: Uint8Array): void {
    if (this.#closed) return;
    const need = this.#len + frame.length;
    if (need > this.#buf.length) {
      let size = this.#buf.length * 2;
      while (size < need) size *= 2;
      const b = new Uint8Array(size);
      b.set(this.#buf.subarray(0, this.#len));
      this.#buf = b;
    }
    this.#buf.set(frame, this.#len);
    this.#len = need;
    if (this.#writing) return;
    // A full chunk goes out at once, while its sender runs on; a small one waits for the end
    // of the turn, so that the frames of one turn share a write.
    if (need >= EAGER_WRITE) void this.#writeOut();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  /** Stops writing; frames not yet written are dropped. */
  close(): void {
    this.#closed = true;
    this.#len = 0;
  }

  /** Resolves once everything sent so far is written (or the stream failed). */
  async drain(): Promise<void> {
    while ((this.#len > 0 || this.#writing) && !this.#closed && this.#error === undefined) {
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  async #writeOut(): Promise<void> {
    if (this.#writing) return;
    this.#writing = true;
    try {
      while (this.#len > 0 && !this.#closed) {
        const out = this.#buf.subarray(0, this.#len);
        // Swap: new frames gather in the spare buffer while this one is written.
        const spare = this.#spare;
        this.#spare = this.#buf;
        this.#buf = spare.length >= 64 * 1024 ? spare : new Uint8Array(64 * 1024);
        this.#len = 0;
        let off = 0;
        while (off < out.length) off += await this.#s.write(out.subarray(off));
        if (this.#spare.length > 4 * 1024 * 1024) this.#spare = new Uint8Array(64 * 1024);
        // Senders held back by a full buffer may go on while the next chunk is written.
        this.#onDrain();
      }
    } catch (e) {
      this.#error = e;
      this.#closed = true;
      this.#onError(e);
      return;
    } finally {
      this.#writing = false;
    }
  }
}
