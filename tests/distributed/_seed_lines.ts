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

/** `lines` with `prompt` before the first: output that arrives after a prompt. */
export function afterPrompt(prompt: string, lines: string[]): string[] {
  return [prompt + lines[0], ...lines.slice(1)];
}
