/**
 * Lines typed at the prompt to forms, as LFE's shell reads them: a form may span lines; the
 * first form of the input is taken and the rest of its last line dropped (`1 2 3` gives 1);
 * a syntax error is reported as LFE prints it (`1: illegal ')'`) and the input dropped.
 *
 * Lines are only parsed once the parentheses they hold could balance, so a form of many lines
 * is read once rather than again at each line.
 *
 * @module
 */

import { readForm } from "../lfe/mod.ts";
import type { Term } from "../runtime/mod.ts";

/** What a line completed: a form, an error to print, or nothing yet. */
export type ReadEvent = { kind: "form"; form: Term } | { kind: "error"; text: string };

/** Collects lines into forms. */
export class FormReader {
  #text = "";
  #depth = 0;
  #state: "code" | "string" | "symbol" | "comment" | "block" = "code";
  #escape = false;

  /** Whether a form is partly typed. */
  get pending(): boolean {
    return this.#text.trim() !== "";
  }

  /** Forgets what was typed (Ctrl-G, or an error). */
  clear(): void {
    this.#text = "";
    this.#depth = 0;
    this.#state = "code";
    this.#escape = false;
  }

  /** Adds a line (without its newline); answers the form or error it completes, if any. */
  push(line: string): ReadEvent | undefined {
    this.#text += line + "\n";
    this.#scan(line + "\n");
    if (this.#depth > 0 || this.#state === "string" || this.#state === "symbol") return;
    if (this.#state === "block") return;
    const r = readForm(this.#text);
    if (r.kind === "more") {
      if (r.empty) this.clear();
      return;
    }
    this.clear();
    if (r.kind === "error") return { kind: "error", text: `${r.error.lfeLine}: ${r.error.lfe}` };
    return { kind: "form", form: r.form };
  }

  /** At the end of input: an unfinished form, as LFE names it. */
  end(): ReadEvent | undefined {
    if (!this.pending) return;
    const r = readForm(this.#text);
    this.clear();
    if (r.kind === "form") return { kind: "form", form: r.form };
    if (r.kind === "error") return { kind: "error", text: `${r.error.lfeLine}: ${r.error.lfe}` };
    return { kind: "error", text: "1: missing token" };
  }

  // Follows strings, quoted symbols, comments and the depth of parentheses over `s`.
  #scan(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      switch (this.#state) {
        case "comment":
          if (c === "\n") this.#state = "code";
          continue;
        case "block":
          if (c === "|" && s[i + 1] === "#") {
            this.#state = "code";
            i++;
          }
          continue;
        case "string":
        case "symbol":
          if (this.#escape) this.#escape = false;
          else if (c === "\\") this.#escape = true;
          else if (c === (this.#state === "string" ? '"' : "|")) this.#state = "code";
          continue;
      }
      if (c === ";") this.#state = "comment";
      else if (c === '"') this.#state = "string";
      else if (c === "|") this.#state = "symbol";
      else if (c === "(" || c === "[") this.#depth++;
      else if (c === ")" || c === "]") this.#depth--;
      else if (c === "#") {
        const n = s[i + 1];
        if (n === "|") {
          this.#state = "block";
          i++;
        } else if (n === "\\") i += 2; // a character literal: #\( is no parenthesis
      }
    }
  }
}
