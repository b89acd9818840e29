/**
 * A short busy wait after traffic, as BEAM's schedulers do before they sleep: while a
 * connection has been busy in the last moments, the event loop keeps turning (one
 * setImmediate after another) instead of sleeping in the kernel, so the next frame is picked
 * up without the cost of waking the process.
 *
 * @module
 */

/** How long the event loop keeps turning after the last traffic, in milliseconds. */
export const SPIN_MS = 3;

let until = 0;
let spinning = false;

// Date.now() rather than performance.now(): in Deno the latter is a call into the runtime,
// which a busy-wait would make thousands of times a millisecond.
function spin(): void {
  if (Date.now() < until) setImmediate(spin);
  else spinning = false;
}

/** Notes traffic now: the event loop stays awake for {@linkcode SPIN_MS} more. */
export function keepAwake(): void {
  until = Date.now() + SPIN_MS;
  if (!spinning) {
    spinning = true;
    setImmediate(spin);
  }
}
