/**
 * Input that is not UTF-8: read as Latin-1, as erl reads such bytes, with a warning that says
 * so. Shared by standard input read as lines and the terminal read as keys.
 *
 * @module
 */

/** The text of input bytes: UTF-8, or Latin-1 (as erl reads them) when they are not UTF-8. */
export function decodeInput(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: UTF8.decode(bytes), utf8: true };
  } catch {
    return { text: LATIN1.decode(bytes), utf8: false };
  }
}

/** The warning for input that is not UTF-8. */
export const NOT_UTF8 = "** the input is not valid UTF-8: it is read as Latin-1\n";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const LATIN1 = new TextDecoder("latin1");

/** Decodes a stream of chunks: UTF-8 while it is, a chunk that is not as Latin-1. */
export class InputDecoder {
  #utf8 = new TextDecoder("utf-8", { fatal: true });

  /** The text of `chunk`, and whether it was UTF-8. */
  decode(chunk: Uint8Array): { text: string; utf8: boolean } {
    try {
      return { text: this.#utf8.decode(chunk, { stream: true }), utf8: true };
    } catch {
      this.#utf8 = new TextDecoder("utf-8", { fatal: true });
      return { text: LATIN1.decode(chunk), utf8: false };
    }
  }
}
