/** A fresh node per test, whose default group leader writes into an array. */

import { createNode, type Node, setDefaultNode } from "../../runtime/mod.ts";

export interface TestNode {
  node: Node;
  /** Everything the node's default group leader wrote. */
  output: string[];
  /** The output so far as one string. */
  text(): string;
}

/** Makes a node, sets it as the default, and captures what its group leader writes. */
export function freshNode(name?: string): TestNode {
  const output: string[] = [];
  const node = createNode({ output: (s) => output.push(s), ...(name ? { name } : {}) });
  setDefaultNode(node);
  return { node, output, text: () => output.join("") };
}

/** Resolves after the scheduler and timers have had `ms` milliseconds. */
export function settle(ms = 5): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
