/**
 * Line editing at a terminal: the typed line with a cursor, Emacs keys (Ctrl-A/E/K/U/W, arrows,
 * Home/End), history with the up and down arrows kept across runs in a file, Tab completion,
 * and output from elsewhere printed above the line being typed without garbling it.
 *
 * @module
 */

/** Options of a line editor. */
export interface LineEditorOptions {
  /** Where history is kept across runs; none when absent. */
  historyFile?: string | undefined;
  /** Completions of the word before the cursor. */
  complete?: (word: string) => string[];
  /** Ctrl-C's break menu: what its `a` (abort) does. */
  quit: () => void;
  /** Ctrl-G: the user switch menu (job control). */
  jobControl?: () => void;
}

const BREAK_MENU = "\nBREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n" +
  "       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n";

import { InputDecoder, NOT_UTF8 } from "./_input.ts";

const enc = new TextEncoder();
const MAX_HISTORY = 1000;

/** Reads lines from a terminal in raw mode. */
export class LineEditor {
  readonly #o: LineEditorOptions;
  readonly #history: string[] = [];
  #hist = 0;
  #buf = "";
  #cursor = 0;
  #prompt = "";
  #reading: ((line: string | null | undefined) => void) | null = null;
  #menu = false;
  #pending = "";
  // Ctrl-R: the text searched for, and the history entry found (undefined: not searching).
  #search: string | undefined;
  #found = -1;

  constructor(options: LineEditorOptions) {
    this.#o = options;
    if (options.historyFile !== undefined) {
      try {
        const lines = Deno.readTextFileSync(options.historyFile).split("\n").filter((l) =>
          l !== ""
        );
        this.#history.push(...lines.slice(-MAX_HISTORY));
      } catch { /* no history yet */ }
    }
  }

  /** Puts the terminal in raw mode and starts reading keys. */
  start(): void {
    Deno.stdin.setRaw(true);
    void this.#readKeys();
  }

  /** Gives the terminal back. */
  close(): void {
    try {
      Deno.stdin.setRaw(false);
    } catch { /* not a terminal any more */ }
  }

  /**
   * Shows `prompt` and resolves with the line typed, `null` for Ctrl-D on an empty line, or
   * `undefined` if {@linkcode cancel} takes the terminal first.
   */
  readLine(prompt: string): Promise<string | null | undefined> {
    this.#prompt = prompt;
    this.#buf = "";
    this.#cursor = 0;
    this.#hist = this.#history.length;
    this.#render();
    const line = new Promise<string | null | undefined>((resolve) => this.#reading = resolve);
    this.#drain(); // keys typed ahead, while the last form ran
    return line;
  }

  /** Gives up the line being read (its reader gets `undefined`); the line is left as typed. */
  cancel(): void {
    const r = this.#reading;
    if (r === null) return;
    this.#reading = null;
    this.#write("\r\n");
    r(undefined);
  }

  /** Draws the prompt and the line being typed again (after something else wrote over it). */
  redraw(): void {
    if (this.#reading !== null) this.#render();
  }

  /** Writes `text` above the line being typed, which is drawn again below it. */
  printAbove(text: string): void {
    if (this.#reading === null) {
      this.#write(text.replace(/\n/g, "\r\n"));
      return;
    }
    const t = text.endsWith("\n") ? text : text + "\n";
    this.#write("\r\x1b[K" + t.replace(/\n/g, "\r\n"));
    this.#render();
  }

  #write(s: string): void {
    const b = enc.encode(s);
    let off = 0;
    while (off < b.length) off += Deno.stdout.writeSync(b.subarray(off));
  }

  #render(): void {
    const back = this.#buf.length - this.#cursor;
    this.#write(`\r\x1b[K${this.#prompt}${this.#buf}${back > 0 ? `\x1b[${back}D` : ""}`);
  }

  async #readKeys(): Promise<void> {
    const dec = new InputDecoder();
    for await (const chunk of Deno.stdin.readable) {
      const { text, utf8 } = dec.decode(chunk);
      if (!utf8) this.printAbove(NOT_UTF8);
      this.#pending += text;
      this.#drain();
    }
    this.#finish(null);
  }

  #drain(): void {
    while (this.#pending.length > 0) {
      const used = this.#key(this.#pending);
      if (used === 0) break;
      this.#pending = this.#pending.slice(used);
    }
  }

  #finish(line: string | null): void {
    const r = this.#reading;
    if (r === null) return;
    this.#reading = null;
    this.#write("\r\n");
    if (line !== null && line.trim() !== "") this.#remember(line);
    r(line);
  }

  #remember(line: string): void {
    if (this.#history[this.#history.length - 1] !== line) this.#history.push(line);
    if (this.#o.historyFile !== undefined) {
      try {
        Deno.writeTextFileSync(this.#o.historyFile, line + "\n", { append: true, mode: 0o600 });
      } catch { /* history is a convenience */ }
    }
  }

  // Handles the key at the start of `s`; answers how many characters it used (0: need more).
  #key(s: string): number {
    const c = s.charCodeAt(0);
    if (this.#menu) return this.#breakKey(s[0] as string);
    // Keys typed while a form runs wait for the next prompt (but the break menu comes at once).
    if (this.#reading === null && c !== 3 && c !== 7) return 0;
    if (this.#search !== undefined) {
      const used = this.#searchKey(s, c);
      if (used > 0) return used;
    }
    if (c === 0x1b) return this.#escape(s);
    switch (c) {
      case 13:
      case 10:
        this.#finish(this.#buf);
        return s.startsWith("\r\n") ? 2 : 1;
      case 1:
        this.#cursor = 0;
        break;
      case 5:
        this.#cursor = this.#buf.length;
        break;
      case 11:
        this.#buf = this.#buf.slice(0, this.#cursor);
        break;
      case 21:
        this.#buf = this.#buf.slice(this.#cursor);
        this.#cursor = 0;
        break;
      case 23: {
        const before = this.#buf.slice(0, this.#cursor).replace(/\S+\s*$/, "");
        this.#buf = before + this.#buf.slice(this.#cursor);
        this.#cursor = before.length;
        break;
      }
      case 4:
        if (this.#buf === "") {
          this.#finish(null);
          return 1;
        }
        this.#buf = this.#buf.slice(0, this.#cursor) + this.#buf.slice(this.#cursor + 1);
        break;
      case 3:
        this.#write(BREAK_MENU.replace(/\n/g, "\r\n"));
        this.#menu = true;
        return 1;
      case 7:
        if (this.#o.jobControl !== undefined) this.#o.jobControl();
        return 1;
      case 9:
        this.#complete();
        break;
      case 18:
        this.#search = "";
        this.#found = this.#history.length;
        this.#renderSearch();
        return 1;
      case 127:
      case 8:
        if (this.#cursor > 0) {
          this.#buf = this.#buf.slice(0, this.#cursor - 1) + this.#buf.slice(this.#cursor);
          this.#cursor--;
        }
        break;
      default: {
        const ch = String.fromCodePoint(s.codePointAt(0) as number);
        if (c < 32) return ch.length;
        this.#buf = this.#buf.slice(0, this.#cursor) + ch + this.#buf.slice(this.#cursor);
        this.#cursor += ch.length;
        this.#render();
        return ch.length;
      }
    }
    this.#render();
    return 1;
  }

  // A key of the break menu (Ctrl-C): a or A aborts, v tells the version, c (or Enter)
  // continues; anything else is asked again, as erl does.
  #breakKey(k: string): number {
    if (k === "a" || k === "A") {
      this.#menu = false;
      this.#o.quit();
      return 1;
    }
    if (k === "v") {
      this.#write(`\r\nnode (distributed Erlang/LFE on Deno) [deno ${Deno.version.deno}]\r\n`);
    } else if (k !== "c" && k !== "\r" && k !== "\n") {
      this.#write("\r\nEh?\r\n" + BREAK_MENU.replace(/\n/g, "\r\n"));
      return 1;
    }
    this.#menu = false;
    this.#write("\r\n");
    this.redraw();
    return 1;
  }

  // A key while searching history backwards: more text, Ctrl-R for an older match, Backspace;
  // Ctrl-G gives up; any other key takes the match and is then handled as usual (answers 0).
  #searchKey(s: string, c: number): number {
    const q = this.#search as string;
    if (c === 18 || c === 127 || c === 8 || (c >= 32 && c !== 127)) {
      if (c === 127 || c === 8) this.#search = q.slice(0, -1);
      else if (c !== 18) this.#search = q + String.fromCodePoint(s.codePointAt(0) as number);
      const from = c === 18 ? this.#found - 1 : Math.min(this.#found, this.#history.length - 1);
      for (let i = from; i >= 0; i--) {
        if ((this.#history[i] as string).includes(this.#search as string)) {
          this.#found = i;
          break;
        }
      }
      this.#renderSearch();
      return c >= 32 && c !== 127 ? String.fromCodePoint(s.codePointAt(0) as number).length : 1;
    }
    const match = this.#history[this.#found];
    this.#search = undefined;
    if (c === 7) {
      this.#render();
      return 1;
    }
    if (match !== undefined) {
      this.#buf = match;
      this.#cursor = match.length;
    }
    this.#render();
    return 0;
  }

  #renderSearch(): void {
    const match = this.#history[this.#found] ?? "";
    this.#write(`\r\x1b[K(reverse-i-search)'${this.#search}': ${match}`);
  }

  #escape(s: string): number {
    if (s.length < 3) return 0; // the rest of the sequence has not come yet
    // deno-lint-ignore no-control-regex
    const m = /^\x1b\[(\d*)([A-Za-z~])/.exec(s) ?? /^\x1bO([A-Za-z])/.exec(s);
    if (m === null) return 1;
    const code = m[m.length - 1];
    if (this.#reading !== null) {
      if (code === "A" && this.#hist > 0) this.#recall(--this.#hist);
      else if (code === "B" && this.#hist < this.#history.length) this.#recall(++this.#hist);
      else if (code === "C" && this.#cursor < this.#buf.length) this.#cursor++;
      else if (code === "D" && this.#cursor > 0) this.#cursor--;
      else if (code === "H" || (code === "~" && m[1] === "1")) this.#cursor = 0;
      else if (code === "F" || (code === "~" && m[1] === "4")) this.#cursor = this.#buf.length;
      else if (code === "~" && m[1] === "3") {
        this.#buf = this.#buf.slice(0, this.#cursor) + this.#buf.slice(this.#cursor + 1);
      }
      this.#render();
    }
    return m[0].length;
  }

  #recall(i: number): void {
    this.#buf = this.#history[i] ?? "";
    this.#cursor = this.#buf.length;
  }

  // Tab: completes the word before the cursor as far as all its completions agree, and lists
  // them when they differ.
  #complete(): void {
    const complete = this.#o.complete;
    if (complete === undefined) return;
    const before = this.#buf.slice(0, this.#cursor);
    const word = /[^\s()'`,]*$/.exec(before)?.[0] ?? "";
    const options = complete(word);
    if (options.length === 0) return;
    let common = options[0] as string;
    for (const o of options) while (!o.startsWith(common)) common = common.slice(0, -1);
    if (common.length > word.length) {
      this.#buf = before + common.slice(word.length) + this.#buf.slice(this.#cursor);
      this.#cursor += common.length - word.length;
    } else if (options.length > 1) {
      this.printAbove(options.join("  ") + "\n");
    }
  }
}
