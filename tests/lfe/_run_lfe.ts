/** Compiling LFE text in tests and running it in a process of a fresh node. */

import { compileModule, evalForm, readAll, registerBuiltins } from "../../lfe/mod.ts";
import {
  createNode,
  defineModule,
  ErlangError,
  printTerm,
  run,
  setDefaultNode,
  type Term,
} from "../../runtime/mod.ts";

registerBuiltins();

/** Compiles and loads a module from its text; answers its name. */
export function load(text: string): string {
  const m = compileModule(readAll(text));
  defineModule(m.name, m.functions);
  return m.name;
}

/** What an evaluation gave: its value printed, or the exception, and what was written. */
export interface Evaluated {
  value?: string;
  error?: ErlangError;
  output: string;
}

/** Evaluates LFE `text` (one expression) in a process of a new node. */
export async function evalText(text: string): Promise<Evaluated> {
  const out: string[] = [];
  setDefaultNode(createNode({ output: (s) => out.push(s) }));
  const r: Evaluated = { output: "" };
  await run(function* () {
    try {
      r.value = printTerm((yield* evalForm(readAll(text)[0] as Term)) as Term);
    } catch (e) {
      if (!(e instanceof ErlangError)) throw e;
      r.error = e;
    }
    yield* evalForm(readAll("(timer:sleep 5)")[0] as Term);
  });
  r.output = out.join("");
  return r;
}
