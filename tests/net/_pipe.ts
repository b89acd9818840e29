/** An in-memory pair of byte streams, for testing protocol code without sockets. */

import type { Stream } from "../../net/mod.ts";

class Half implements Stream {
  #queue: Uint8Array[] = [];
  #wake: (() => void) | null = null;
  #closed = false;
  peer!: Half;
  /** Every write call made, for tests of coalescing. */
  readonly writes: number[] = [];

  write(p: Uint8Array): Promise<number> {
    if (this.peer.#closed) return Promise.reject(new Error("BrokenPipe: the other end closed"));
    this.writes.push(p.length);
    this.peer.#queue.push(p.slice());
    this.peer.#wake?.();
    return Promise.resolve(p.length);
  }

  async read(p: Uint8Array): Promise<number | null> {
    while (this.#queue.length === 0) {
      if (this.#closed || this.peer.#closed) return null;
      await new Promise<void>((r) => this.#wake = r);
      this.#wake = null;
    }
    const head = this.#queue[0] as Uint8Array;
    const n = Math.min(head.length, p.length);
    p.set(head.subarray(0, n));
    if (n === head.length) this.#queue.shift();
    else this.#queue[0] = head.subarray(n);
    return n;
  }

  close(): void {
    this.#closed = true;
    this.#wake?.();
    this.peer.#wake?.();
  }
}

/** Two connected ends: what one writes, the other reads. */
export function pipe(): [Half, Half] {
  const a = new Half();
  const b = new Half();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
