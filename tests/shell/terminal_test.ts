import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

const hasScript = (() => {
  try {
    return new Deno.Command("script", { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
})();

// What a terminal shows, roughly: escape sequences and carriage returns taken out.
function plain(s: string): string {
  // deno-lint-ignore no-control-regex
  return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").replace(/\r/g, "");
}

Deno.test({
  name: "at a terminal: history, Ctrl-R, line editing, multi-line forms, the break menu, Ctrl-D",
  ignore: !hasScript,
  fn: async () => {
    const home = await Deno.makeTempDir();
    // `script` gives the shell a pseudo-terminal of its own.
    const child = new Deno.Command("script", {
      args: ["-qfec", `${Deno.execPath()} run -A main.ts -pa examples`, "/dev/null"],
      cwd: ROOT,
      env: { HOME: home, TERM: "xterm" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const w = child.stdin.getWriter();
    let out = "";
    const reading = (async () => {
      for await (const c of child.stdout.pipeThrough(new TextDecoderStream())) out += c;
    })();
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(test(), `the terminal shows:\n${plain(out)}`);
    };
    const type = (s: string) => w.write(new TextEncoder().encode(s));
    try {
      await until(() => plain(out).includes("lfe> "));
      await type("(+ 40 2)\r");
      await until(() => plain(out).includes("\n42\n"));
      await type("\x1b[A\r"); // up: the same line again
      await until(() => plain(out).split("\n42\n").length === 3);
      await type("(list 1\r");
      await type("2)\r");
      await until(() => plain(out).includes("\n(1 2)\n"));
      await type("(list 'x)\x01(tuple \x05 'y)\r"); // Ctrl-A and Ctrl-E move to either end
      await until(() => plain(out).includes("\n#((x) y)\n"));
      await type("\x03"); // Ctrl-C: the break menu, then continue
      await until(() => plain(out).includes("BREAK: (a)bort (A)bort with dump (c)ontinue"));
      await type("c(+ 1 1)\r");
      await until(() => plain(out).includes("\n2\n"));
      await type("\x12"); // Ctrl-R: search the history backwards
      await type("40");
      await until(() => plain(out).includes("(reverse-i-search)'40': (+ 40 2)"));
      await type("\r");
      await until(() => plain(out).split("\n42\n").length === 4);
      await type('(spawn (lambda () (timer:sleep 300) (io:format "late~n")))\r');
      await type("(pingp\t"); // Tab completes the module name
      await until(() => plain(out).includes("lfe> (pingpong:"));
      // Output from another process comes above the line being typed, which is drawn again.
      await until(() => /late\nlfe> \(pingpong:/.test(plain(out)));
      assert.ok(out.includes("\r\x1b[Klate"), "the typed line is cleared before the output");
      await type("start)\r");
      await until(() => plain(out).includes("Pong finished"));
      await type("\x04"); // Ctrl-D on an empty line
      const status = await child.status;
      assert.equal(status.code, 0);
      assert.match(await Deno.readTextFile(`${home}/.lfe_node_history`), /^\(\+ 40 2\)\n/);
    } finally {
      await w.close().catch(() => {});
      try {
        child.kill("SIGKILL");
      } catch { /* ended */ }
      await child.status;
      await reading.catch(() => {});
      await Deno.remove(home, { recursive: true });
    }
  },
});
