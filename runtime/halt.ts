/**
 * How a node stops: `halt/0,1`, `init:stop/0,1` and the shell's `(q)` all end here, so that the
 * program that made the node (the `node` executable) can give the terminal back, close its
 * connections and give its name up at the port mapper before the process exits.
 *
 * @module
 */

let handler: (status: number) => void = (status) => Deno.exit(status);

/** Sets what stopping the node does (by default, `Deno.exit`). */
export function setHaltHandler(h: (status: number) => void): void {
  handler = h;
}

/** Options of {@linkcode haltNode}. */
export interface HaltOptions {
  /** Stop once the current turn is over (`init:stop`), so that output in flight is written. */
  graceful?: boolean;
}

let halting = false;

/** Whether the node is stopping: nothing new should start. */
export function isHalting(): boolean {
  return halting;
}

/** Stops the node with `status` as its exit code. */
export function haltNode(status: number, options: HaltOptions = {}): void {
  halting = true;
  const stop = () => {
    handler(status);
    Deno.exit(status);
  };
  if (options.graceful) setTimeout(stop, 0);
  else stop();
}
