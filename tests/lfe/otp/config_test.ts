/**
 * `-config FILE`: the applications' environment read at boot, as erl reads a sys.config; it
 * wins over the environment of the `.app` file, which fills in the rest.
 */

import assert from "node:assert/strict";

const MAIN = new URL("../../../main.ts", import.meta.url).pathname;

Deno.test("-config FILE sets the applications' environment before anything runs", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/cfg.app`,
      '{application, cfg, [{vsn, "1"}, {env, [{port, 1}, {name, "from app"}]}]}.\n',
    );
    await Deno.writeTextFile(
      `${dir}/sys.config`,
      "%% overrides\n[{cfg, [{port, 2}, {extra, yes}]}].\n",
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        MAIN,
        "-noshell",
        "-config",
        "sys",
        "-eval",
        `(progn (application:load 'cfg)
                (io:format "~p~n" (list (lists:sort (application:get_all_env 'cfg)))))`,
        "-eval",
        "(init:stop)",
      ],
      cwd: dir,
      env: { HOME: dir, NODE_ERL_FLAGS: "+S 1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    assert.equal(
      text,
      '[{extra,yes},{name,"from app"},{port,2}]',
      new TextDecoder().decode(out.stderr),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
