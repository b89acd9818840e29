import assert from "node:assert/strict";
import {
  compileFile,
  findOnCodePath,
  installCodePathLoader,
  reloadModule,
  setCodePath,
} from "../../lfe/mod.ts";
import { evalText } from "./_run_lfe.ts";

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    setCodePath(["."]);
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a module not loaded is found on the code path at its first call", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(
      `${dir}/onpath.lfe`,
      `(defmodule onpath (export (hello 1))) (defun hello (who) (tuple 'hello who))`,
    );
    setCodePath([".", dir]);
    installCodePathLoader();
    assert.equal(findOnCodePath("onpath"), `${dir}/onpath.lfe`);
    assert.equal((await evalText("(onpath:hello 'joe)")).value, "#(hello joe)");
  });
});

Deno.test('(c "file") compiles and loads; loading again replaces the module', async () => {
  await withDir(async (dir) => {
    const file = `${dir}/version`;
    await Deno.writeTextFile(`${file}.lfe`, `(defmodule version (export all)) (defun v () 1)`);
    assert.equal(compileFile(file), "version");
    assert.equal((await evalText("(version:v)")).value, "1");
    await Deno.writeTextFile(`${file}.lfe`, `(defmodule version (export all)) (defun v () 2)`);
    setCodePath([dir]);
    assert.equal(reloadModule("version"), "version");
    assert.equal((await evalText("(version:v)")).value, "2");
  });
});

Deno.test("imports, export lists and functions not exported", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(
      `${dir}/imp.lfe`,
      `(defmodule imp (export (go 0)) (import (from lists (reverse 1)) (rename lists ((seq 2) upto))))
       (defun go () (tuple (reverse (list 1 2 3)) (upto 1 3) (secret)))
       (defun secret () 'hidden)`,
    );
    compileFile(`${dir}/imp.lfe`);
    assert.equal((await evalText("(imp:go)")).value, "#((3 2 1) (1 2 3) hidden)");
    const r = await evalText("(imp:secret)");
    assert.equal(r.error?.reason, "undef");
  });
});
