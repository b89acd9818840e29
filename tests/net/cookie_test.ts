import assert from "node:assert/strict";
import { CookieError, resolveCookie } from "../../net/cookie.ts";

const IMPORT = `import { resolveCookie } from ${
  JSON.stringify(new URL("../../net/cookie.ts", import.meta.url).href)
};`;

async function withHome(body: (home: string) => Promise<void>): Promise<void> {
  const home = await Deno.makeTempDir({ prefix: "cookie_test_" });
  try {
    await body(home);
  } finally {
    await Deno.chmod(`${home}/.erlang.cookie`, 0o600).catch(() => {});
    await Deno.remove(home, { recursive: true });
  }
}

Deno.test("resolveCookie() takes -setcookie over the cookie file", async () => {
  await withHome(async (home) => {
    await Deno.writeTextFile(`${home}/.erlang.cookie`, "FROMFILE", { mode: 0o400 });
    assert.deepEqual(await resolveCookie({ setcookie: "fromflag", home }), {
      cookie: "fromflag",
      source: "flag",
    });
  });
});

Deno.test("resolveCookie() reads the first line of the cookie file, trimmed", async () => {
  await withHome(async (home) => {
    const file = `${home}/.erlang.cookie`;
    await Deno.writeTextFile(file, "  SECRET cookie \nsecond line\n");
    await Deno.chmod(file, 0o400);
    assert.deepEqual(await resolveCookie({ home }), {
      cookie: "SECRET cookie",
      source: "file",
      file,
    });
  });
});

Deno.test("resolveCookie() reads the file in $HOME when no home is given", async () => {
  await withHome(async (home) => {
    await Deno.writeTextFile(`${home}/.erlang.cookie`, "ENVHOME");
    await Deno.chmod(`${home}/.erlang.cookie`, 0o600);
    // HOME is the process's, shared with tests running beside this one: change it elsewhere.
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", `${IMPORT} console.log((await resolveCookie()).cookie);`],
      env: { HOME: home },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(new TextDecoder().decode(out.stdout), "ENVHOME\n");
  });
});

Deno.test("resolveCookie() creates a missing file with 20 letters and mode 0400", async () => {
  await withHome(async (home) => {
    const file = `${home}/.erlang.cookie`;
    const made = await resolveCookie({ home });
    assert.equal(made.source, "created");
    assert.equal(made.file, file);
    assert.match(made.cookie, /^[A-Z]{20}$/);
    assert.equal(await Deno.readTextFile(file), made.cookie);
    assert.equal((await Deno.stat(file)).mode! & 0o777, 0o400);
    const again = await resolveCookie({ home });
    assert.deepEqual(again, { cookie: made.cookie, source: "file", file });
    await Deno.remove(file);
    assert.notEqual((await resolveCookie({ home })).cookie, made.cookie);
  });
});

Deno.test("resolveCookie() makes the new file 0400 whatever the umask", async () => {
  await withHome(async (home) => {
    const code = `${IMPORT} await resolveCookie({ home: ${JSON.stringify(home)} });`;
    for (const umask of ["000", "777"]) {
      // umask is per process: set it in a shell that runs a fresh Deno.
      const out = await new Deno.Command("sh", {
        args: ["-c", `umask ${umask} && exec "$0" eval "$1"`, Deno.execPath(), code],
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      assert.equal((await Deno.stat(`${home}/.erlang.cookie`)).mode! & 0o777, 0o400, umask);
      await Deno.remove(`${home}/.erlang.cookie`);
    }
  });
});

Deno.test("resolveCookie() refuses a file that group or others can read or write", async () => {
  await withHome(async (home) => {
    const file = `${home}/.erlang.cookie`;
    await Deno.writeTextFile(file, "SECRET");
    for (const mode of [0o440, 0o404, 0o420, 0o402, 0o644, 0o600 | 0o060]) {
      await Deno.chmod(file, mode);
      await assert.rejects(
        () => resolveCookie({ home }),
        (e: unknown) =>
          e instanceof CookieError && e.file === file &&
          e.message ===
            `Cookie file ${file} must be accessible by owner only: run chmod 400 ${file}`,
        mode.toString(8),
      );
    }
    await Deno.chmod(file, 0o600);
    assert.equal((await resolveCookie({ home })).cookie, "SECRET");
  });
});

Deno.test("resolveCookie() refuses an empty cookie file", async () => {
  await withHome(async (home) => {
    const file = `${home}/.erlang.cookie`;
    for (const text of ["", "   \n", "\nSECOND"]) {
      await Deno.writeTextFile(file, text);
      await Deno.chmod(file, 0o400);
      await assert.rejects(
        () => resolveCookie({ home }),
        (e: unknown) =>
          e instanceof CookieError && e.message.startsWith(`Cookie file ${file} is empty`),
      );
      await Deno.chmod(file, 0o600);
    }
  });
});

Deno.test("resolveCookie() refuses a cookie file that is not a regular file", async () => {
  await withHome(async (home) => {
    await Deno.mkdir(`${home}/.erlang.cookie`, { mode: 0o700 });
    await assert.rejects(() => resolveCookie({ home }), CookieError);
    await Deno.remove(`${home}/.erlang.cookie`);
  });
});

Deno.test("resolveCookie() refuses an empty -setcookie", async () => {
  await assert.rejects(() => resolveCookie({ setcookie: "" }), CookieError);
});
