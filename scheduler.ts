/**
 * The entry point of a worker scheduler of the `node` executable (`+S N` runs N - 1 of them
 * beside the main isolate's): the same built-in modules and code path as the main isolate, so
 * that a process started by module and function runs the same code on any scheduler.
 *
 * @module
 */

import {
  installCodePathLoader,
  loadFileQuietly,
  registerBuiltins,
  setCodePath,
  warmOtpModules,
} from "./lfe/mod.ts";
import { serveScheduler, setFileLoader } from "./runtime/mod.ts";
import { setSiblingCookie } from "./runtime/siblings.ts";
import { registerShellModules } from "./shell/mod.ts";

serveScheduler((data) => {
  registerBuiltins();
  registerShellModules();
  const d = data as { codePath: string[]; cookie?: string };
  setCodePath(d.codePath);
  if (d.cookie !== undefined) setSiblingCookie(d.cookie);
  installCodePathLoader();
  warmOtpModules();
  // A module compiled or reloaded on another scheduler ((c ...), (l ...)) is loaded here too.
  setFileLoader((path) => {
    try {
      loadFileQuietly(path);
    } catch (e) {
      console.error(`** Could not load ${path} on this scheduler: ${(e as Error).message} **`);
    }
  });
});
