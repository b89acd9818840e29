/** What the seed's programs print, line by line, on each node. */

/** tut21 on the ping node. */
export const PING_LINES = [
  "Ping received pong",
  "Ping received pong",
  "Ping received pong",
  "Ping finished",
];

/** tut21 on the pong node. */
export const PONG_LINES = [
  "Pong received ping",
  "Pong received ping",
  "Pong received ping",
  "Pong finished",
];

/** tut22, all on the pong node. */
export const TUT22_LINES = [
  "Pong received ping",
  "Ping received pong",
  "Pong received ping",
  "Ping received pong",
  "Pong received ping",
  "Ping received pong",
  "Ping finished",
  "Pong finished",
];

/**
 * `lines` with tut22's last two in the seed's order. They come from two processes (ping's
 * after it sent `finished`, pong's once it got it), so either may print first, as in Erlang;
 * every other line waits for the one before it.
 */
export function seedOrder(lines: string[]): string[] {
  const n = lines.length;
  if (n >= 2 && lines[n - 2]?.endsWith("Pong finished") && lines[n - 1] === "Ping finished") {
    const prefix = (lines[n - 2] as string).slice(0, -"Pong finished".length);
    return [...lines.slice(0, n - 2), prefix + "Ping finished", "Pong finished"];
  }
  return lines;
}

/** `lines` with `prompt` before the first: output that arrives after a prompt. */
export function afterPrompt(prompt: string, lines: string[]): string[] {
  return [prompt + lines[0], ...lines.slice(1)];
}
