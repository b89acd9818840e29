/**
 * The small numbers by which pids of other nodes print (`<8524.50.0>`): 0 is this node, every
 * other node gets the next number the first time one of its pids is printed.
 *
 * @module
 */

let localNode = "nonode@nohost";
const indices = new Map<string, number>();
let nextIndex = 1;

/** Sets the name of the node this isolate runs; its pids print with a leading 0. */
export function setLocalNode(name: string): void {
  localNode = name;
}

/** The name of the node this isolate runs. */
export function localNodeName(): string {
  return localNode;
}

/** The number by which pids of `node` print. */
export function nodeIndex(node: string): number {
  if (node === localNode) return 0;
  let i = indices.get(node);
  if (i === undefined) indices.set(node, i = nextIndex++);
  return i;
}

/** The node whose pids print with `index` (0 is this node), if one has been numbered so. */
export function nodeByIndex(index: number): string | undefined {
  if (index === 0) return localNode;
  for (const [node, i] of indices) if (i === index) return node;
  return undefined;
}
