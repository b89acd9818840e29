/** Our port mapper client and daemon against the real `epmd` and `erl`, where installed. */

import assert from "node:assert/strict";
import { killEpmd, listNames, lookupNode, registerNode } from "../../net/epmd_client.ts";
import { serveEpmd } from "../../net/epmd_server.ts";
import { freePort, onPath, runProgram, startRealEpmd, stopChild, waitFor } from "./_epmd.ts";

const NO_EPMD = !onPath("epmd");
const NO_ERL = NO_EPMD || !onPath("erl");
const HOST = "127.0.0.1";

Deno.test({
  name: "registerNode() shows in the real epmd's -names and lookups",
  ignore: NO_EPMD,
  async fn() {
    const port = freePort();
    const epmd = await startRealEpmd(port);
    try {
      const extra = new TextEncoder().encode("deno");
      const reg = await registerNode({ alive: "pong", port: 36011, extra, epmdPort: port });
      try {
        assert.ok(reg.creation >= 4);
        const r = await runProgram("epmd", ["-port", String(port), "-names"]);
        assert.equal(
          r.stdout,
          `epmd: up and running on port ${port} with data:\nname pong at port 36011\n`,
        );
        assert.deepEqual(await lookupNode("pong", "localhost", port), {
          port: 36011,
          nodeType: 77,
          protocol: 0,
          highestVersion: 6,
          lowestVersion: 6,
          extra,
        });
        await assert.rejects(
          () => registerNode({ alive: "pong", port: 36012, epmdPort: port }),
          /the name is in use/,
        );
        assert.equal(await killEpmd(HOST, port), false, "epmd refuses -kill with live nodes");
      } finally {
        reg.close();
        await reg.closed;
      }
      await waitFor("pong to go", async () => (await listNames(HOST, port)).names.length === 0);
      const again = await registerNode({ alive: "pong", port: 36011, epmdPort: port });
      again.close();
      await again.closed;
      assert.notEqual(again.creation, reg.creation);
    } finally {
      await stopChild(epmd);
    }
  },
});

Deno.test({
  name: "the real epmd -names and -kill work against serveEpmd()",
  ignore: NO_EPMD,
  async fn() {
    const server = serveEpmd({ port: freePort() });
    try {
      const reg = await registerNode({ alive: "ping", port: 4242, epmdPort: server.port });
      const names = await runProgram("epmd", ["-port", String(server.port), "-names"]);
      assert.equal(names.code, 0);
      assert.equal(
        names.stdout,
        `epmd: up and running on port ${server.port} with data:\nname ping at port 4242\n`,
      );
      const kill = await runProgram("epmd", ["-port", String(server.port), "-kill"]);
      assert.equal(kill.stdout, "Killed\n");
      await server.finished;
      await reg.closed;
    } finally {
      await server.close();
    }
  },
});

Deno.test({
  name: "a real erl node registers with serveEpmd() and is found there",
  ignore: NO_ERL,
  async fn() {
    const server = serveEpmd({ port: freePort() });
    const home = await Deno.makeTempDir({ prefix: "epmd_real_test_" });
    const erl = new Deno.Command("erl", {
      args: [
        "-noshell",
        "-sname",
        "probe",
        "-setcookie",
        "c",
        "-eval",
        "timer:sleep(20000), halt()",
      ],
      env: { HOME: home, ERL_EPMD_PORT: String(server.port) },
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    try {
      await waitFor(
        "erl to register",
        async () => !!(await lookupNode("probe", HOST, server.port)),
      );
      const entry = await lookupNode("probe", "localhost", server.port);
      assert.equal(entry?.nodeType, 77);
      assert.ok(entry!.highestVersion >= 6);
      assert.deepEqual((await listNames(HOST, server.port)).names, [
        { name: "probe", port: entry!.port },
      ]);
      await stopChild(erl);
      await waitFor("probe to go", async () => !(await lookupNode("probe", HOST, server.port)));
    } finally {
      await stopChild(erl);
      await server.close();
      await Deno.remove(home, { recursive: true });
    }
  },
});
