/**
 * What the schedulers of one node share, in one `SharedArrayBuffer`: each scheduler's next
 * process id (so that a process can be started on another scheduler with its pid known at
 * once), each scheduler's load (for placing new processes), and the node's registered names.
 * Every isolate reads and writes it with atomics; the name table takes a short spin lock.
 *
 * @module
 */

const MAX_SCHEDULERS = 256;
const LOCK = 0;
const IDS = 1;
const LOADS = IDS + MAX_SCHEDULERS;
const MAIL = LOADS + MAX_SCHEDULERS;
const TABLE = 1024; // in 32-bit words

// A name slot: state, pid id, pid serial, hash, name length, then up to 255 bytes of name.
const SLOT_WORDS = 69;
const NAME_BYTES = 255;
const EMPTY = 0, USED = 1, FREED = 2;

/** The load of a scheduler that is still starting: nothing is placed on it by load. */
export const STARTING = 1 << 30;
/** The load of a scheduler that is gone. */
export const GONE = -1;

/** How many names a node can register while it runs more than one scheduler. */
export const MAX_NAMES = 16384;

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The memory the schedulers of a node share. */
export class SharedState {
  readonly buffer: SharedArrayBuffer;
  readonly #w: Int32Array;
  readonly #b: Uint8Array;

  /** Makes the shared state, or takes the one another isolate of the node made. */
  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer((TABLE + MAX_NAMES * SLOT_WORDS) * 4);
    this.#w = new Int32Array(this.buffer);
    this.#b = new Uint8Array(this.buffer);
  }

  /** Takes the next process number of `scheduler` (a count that wraps at 2^32). */
  nextId(scheduler: number): number {
    return Atomics.add(this.#w, IDS + scheduler, 1) >>> 0;
  }

  /** Sets the next process number of `scheduler`. */
  setNextId(scheduler: number, n: number): void {
    Atomics.store(this.#w, IDS + scheduler, n | 0);
  }

  /** The load `scheduler` last reported, plus what was placed on it since. */
  load(scheduler: number): number {
    return Atomics.load(this.#w, LOADS + scheduler);
  }

  /** Sets the load of `scheduler`. */
  setLoad(scheduler: number, n: number): void {
    Atomics.store(this.#w, LOADS + scheduler, n);
  }

  /** How many batches have been sent to `scheduler` so far (a count that wraps). */
  mail(scheduler: number): number {
    return Atomics.load(this.#w, MAIL + scheduler);
  }

  /** Counts a batch sent to `scheduler`, for it to see without waiting for the event. */
  ring(scheduler: number): void {
    Atomics.add(this.#w, MAIL + scheduler, 1);
  }

  /** Counts a process placed on `scheduler`. */
  addLoad(scheduler: number): void {
    Atomics.add(this.#w, LOADS + scheduler, 1);
  }

  #lock(): void {
    while (Atomics.compareExchange(this.#w, LOCK, 0, 1) !== 0) { /* spin: held for microseconds */ }
  }

  #unlock(): void {
    Atomics.store(this.#w, LOCK, 0);
  }

  // The slot of `name`, or -1; with `free`, the first slot where it could go.
  #find(bytes: Uint8Array, hash: number, free: boolean): number {
    const w = this.#w, b = this.#b;
    let first = -1;
    for (let i = 0; i < MAX_NAMES; i++) {
      const slot = (hash + i) & (MAX_NAMES - 1);
      const at = TABLE + slot * SLOT_WORDS;
      const state = w[at];
      if (state === EMPTY) return free ? (first >= 0 ? first : slot) : -1;
      if (state === FREED) {
        if (first < 0) first = slot;
        continue;
      }
      if (w[at + 3] !== hash || w[at + 4] !== bytes.length) continue;
      const start = (at + 5) * 4;
      let same = true;
      for (let k = 0; k < bytes.length; k++) {
        if (b[start + k] !== bytes[k]) {
          same = false;
          break;
        }
      }
      if (same) return free ? -2 - slot : slot;
    }
    return free ? first : -1;
  }

  // Runs `f` holding the lock of the name table.
  #locked<T>(f: () => T): T {
    this.#lock();
    try {
      return f();
    } finally {
      this.#unlock();
    }
  }

  // The word where the slot of the name `bytes` starts, or -1 if it is not registered.
  #at(bytes: Uint8Array, hash: number): number {
    const slot = this.#find(bytes, hash, false);
    return slot < 0 ? -1 : TABLE + slot * SLOT_WORDS;
  }

  /** Registers `name` for the pid `id`/`serial`; `false` if the name is taken (or too long). */
  register(name: string, id: number, serial: number): boolean {
    const bytes = utf8.encode(name);
    if (bytes.length > NAME_BYTES) return false;
    const hash = hashOf(bytes);
    return this.#locked(() => {
      const slot = this.#find(bytes, hash, true);
      if (slot < 0) return false; // taken (-2 - slot) or full (-1)
      const at = TABLE + slot * SLOT_WORDS;
      const w = this.#w;
      w[at + 1] = id;
      w[at + 2] = serial;
      w[at + 3] = hash;
      w[at + 4] = bytes.length;
      this.#b.set(bytes, (at + 5) * 4);
      Atomics.store(w, at, USED);
      return true;
    });
  }

  /**
   * Removes `name`; with `serial` given, only if it is still that process's (id and serial).
   * `false` if it was not registered so.
   */
  unregister(name: string, id?: number, serial?: number): boolean {
    const bytes = utf8.encode(name);
    const hash = hashOf(bytes);
    return this.#locked(() => {
      const at = this.#at(bytes, hash);
      if (at < 0) return false;
      if (serial !== undefined && (this.#w[at + 1] !== id || this.#w[at + 2] !== serial)) {
        return false;
      }
      Atomics.store(this.#w, at, FREED);
      return true;
    });
  }

  /** The pid (id and serial) registered as `name`. */
  whereis(name: string): [number, number] | undefined {
    const bytes = utf8.encode(name);
    const hash = hashOf(bytes);
    return this.#locked(() => {
      const at = this.#at(bytes, hash);
      return at < 0 ? undefined : [this.#w[at + 1] as number, this.#w[at + 2] as number];
    });
  }

  /** Every registered name, with its pid's id and serial. */
  names(): [string, number, number][] {
    return this.#locked(() => {
      const out: [string, number, number][] = [];
      for (let slot = 0; slot < MAX_NAMES; slot++) {
        const at = TABLE + slot * SLOT_WORDS;
        if (this.#w[at] !== USED) continue;
        const start = (at + 5) * 4;
        const name = text.decode(this.#b.slice(start, start + (this.#w[at + 4] as number)));
        out.push([name, this.#w[at + 1] as number, this.#w[at + 2] as number]);
      }
      return out;
    });
  }
}

// FNV-1a.
function hashOf(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619);
  return h >>> 0 & 0x7fffffff;
}
