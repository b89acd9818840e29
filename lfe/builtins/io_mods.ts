/**
 * Registers the built-in modules of io and distribution: `io`, `io_lib`, `lfe_io`, `net_adm`,
 * `net_kernel` and `rpc`. Every node that may be the target of an `rpc:call` must have them,
 * since the call runs `rpc`'s own code there.
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { moduleTable } from "./_util.ts";
import { ioLibModule, ioModule } from "./io.ts";
import { lfeIoModule } from "./lfe_io.ts";
import { erpcModule, netAdmModule, netKernelModule, rpcModule } from "./net.ts";

/**
 * Defines the modules `io`, `io_lib`, `lfe_io`, `net_adm`, `net_kernel` and `rpc` in this
 * isolate's code.
 *
 * @example
 * ```ts
 * import { registerIoBuiltins } from "./io_mods.ts";
 * import { findFunction } from "../../runtime/code.ts";
 * registerIoBuiltins();
 * findFunction("lfe_io", "format", 2) !== undefined; // true
 * ```
 */
export function registerIoBuiltins(): void {
  const modules: Record<string, typeof ioModule> = {
    io: ioModule,
    io_lib: ioLibModule,
    lfe_io: lfeIoModule,
    net_adm: netAdmModule,
    net_kernel: netKernelModule,
    rpc: rpcModule,
    erpc: erpcModule,
  };
  for (const [name, fns] of Object.entries(modules)) defineModule(name, moduleTable(name, fns));
}
