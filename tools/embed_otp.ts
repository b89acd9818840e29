/**
 * Writes `lfe/otp/_sources.ts`: the text of each OTP module written in LFE (`lfe/otp/*.lfe`),
 * embedded so that the one executable carries them.
 *
 *   deno run --allow-read --allow-write tools/embed_otp.ts [--check]
 *
 * With `--check` it writes nothing and fails if the embedded texts differ from the files.
 *
 * @module
 */

const dir = new URL("../lfe/otp/", import.meta.url);

/** The text of `_sources.ts` for the `.lfe` files of `lfe/otp/`. */
export function embedded(): string {
  const names = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".lfe"))
    .map((e) => e.name)
    .sort();
  const entries = names.map((n) =>
    `  ${JSON.stringify(n.slice(0, -4))}: ${
      JSON.stringify(Deno.readTextFileSync(new URL(n, dir)))
    },`
  );
  return [
    "/**",
    " * The OTP modules written in LFE, by module name: the text of `lfe/otp/NAME.lfe`, written",
    " * here by `tools/embed_otp.ts` (run it after changing one of them).",
    " *",
    " * @module",
    " */",
    "",
    "/** The source of each module. */",
    "export const OTP_SOURCES: Readonly<Record<string, string>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}

if (import.meta.main) {
  const out = new URL("_sources.ts", dir);
  const text = embedded();
  if (Deno.args.includes("--check")) {
    let old = "";
    try {
      old = Deno.readTextFileSync(out);
    } catch { /* none yet */ }
    if (old !== text) {
      console.error("lfe/otp/_sources.ts is out of date: run tools/embed_otp.ts");
      Deno.exit(1);
    }
  } else Deno.writeTextFileSync(out, text);
}
