/**
 * The Erlang distribution handshake against real BEAM nodes (where `erl` is installed): we dial
 * them, they dial us (in the version 6 form and in the old form with its complement), and a
 * wrong cookie is refused both ways. Past the handshake, a message each way shows the
 * connection works: a registered send that erl prints, and net_adm:ping answered with pong.
 */

import assert from "node:assert/strict";
import { lookupNode, registerNode } from "../../net/epmd_client.ts";
import { serveEpmd } from "../../net/epmd_server.ts";
import {
  cookieDigest,
  DFLAG,
  erlAccept,
  erlDial,
  MANDATORY_FLAGS,
  OUR_FLAGS,
} from "../../net/erl_handshake.ts";
import { frame } from "../../net/erl_wire.ts";
import { decodeEtfAt } from "../../net/etf.ts";
import { FrameReader } from "../../net/frame.ts";
import { HandshakeError } from "../../net/handshake.ts";
import { charlist, Pid, type Term } from "../../runtime/terms.ts";
import { freePort, isLoopback, onPath, stopChild, waitFor } from "./_epmd.ts";
import { pipe } from "./_pipe.ts";

const HOST = Deno.hostname().split(".")[0] as string;
// erl finds our node through the host name: run only where that name means this machine's
// loopback, so that no traffic leaves it.
const NO_ERL = !onPath("erl") || !(await isLoopback(HOST));
const OURS = `ours@${HOST}`;

/** What an erl node printed so far, and a wait for a line it will print. */
interface ErlOutput {
  text(): string;
  waitFor(re: RegExp): Promise<void>;
}

async function withErl(
  alive: string,
  cookie: string,
  evalText: string,
  body: (epmdPort: number, erl: Deno.ChildProcess, out: ErlOutput) => Promise<void>,
): Promise<string> {
  const server = serveEpmd({ port: freePort() });
  const home = await Deno.makeTempDir({ prefix: "erl_handshake_test_" });
  const erl = new Deno.Command("erl", {
    args: ["-noshell", "-sname", alive, "-setcookie", cookie, "-eval", evalText],
    env: { HOME: home, ERL_EPMD_PORT: String(server.port) },
    cwd: home,
    stdin: "null",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  let text = "";
  const reading = (async () => {
    const dec = new TextDecoder();
    for await (const chunk of erl.stdout) text += dec.decode(chunk, { stream: true });
  })();
  const out: ErlOutput = {
    text: () => text,
    waitFor: (re) => waitFor(`erl to print ${re}`, () => Promise.resolve(re.test(text))),
  };
  try {
    await body(server.port, erl, out);
    await erl.status;
    await reading;
    return text;
  } finally {
    await stopChild(erl);
    await reading.catch(() => {});
    await server.close();
    await Deno.remove(home, { recursive: true });
  }
}

Deno.test("cookieDigest() is MD5 over the cookie and the challenge in decimal, as BEAM's", () => {
  // erlang:md5("secret" ++ integer_to_list(4294967295)) from erl 25.
  const hex = Array.from(cookieDigest("secret", 0xffffffff), (b) => b.toString(16).padStart(2, "0"))
    .join("");
  assert.equal(hex, "5dfd181e69aa587cc812eb333e6536b6");
});

Deno.test({
  name: "we dial a real erl node, pass the handshake and send to its registered process",
  ignore: NO_ERL,
  async fn() {
    const output = await withErl(
      "beam",
      "sharedcookie",
      'register(probe, self()), io:format("ready~n"), ' +
        'receive M -> io:format("got ~p~n", [M]) after 20000 -> ok end, halt().',
      async (epmdPort, _erl, out) => {
        await out.waitFor(/ready/);
        await waitFor(
          "erl to register",
          async () => !!(await lookupNode("beam", "127.0.0.1", epmdPort)),
        );
        const entry = await lookupNode("beam", "127.0.0.1", epmdPort);
        const conn = await Deno.connect({ hostname: "127.0.0.1", port: entry!.port });
        try {
          const peer = await erlDial(conn, `beam@${HOST}`, {
            name: OURS,
            cookie: "sharedcookie",
            creation: 5,
          });
          assert.equal(peer.name, `beam@${HOST}`);
          assert.ok(peer.creation > 0);
          const from = new Pid(OURS, 1, 0, 5);
          await conn.write(frame([6, from, "", "probe"], ["hello", charlist("from deno")]));
          const reader = new FrameReader(conn);
          // erl prints and halts: the connection ends (ticks aside) when it does.
          while ((await reader.next()) !== null) { /* ticks */ }
        } finally {
          conn.close();
        }
      },
    );
    assert.match(output, /got \{hello,"from deno"\}/);
  },
});

Deno.test({
  name: "a wrong cookie: a real erl node closes on our proof, and we report the cookie",
  ignore: NO_ERL,
  async fn() {
    await withErl("beam", "theirs", "timer:sleep(20000), halt().", async (epmdPort, erl) => {
      await waitFor(
        "erl to register",
        async () => !!(await lookupNode("beam", "127.0.0.1", epmdPort)),
      );
      const entry = await lookupNode("beam", "127.0.0.1", epmdPort);
      const conn = await Deno.connect({ hostname: "127.0.0.1", port: entry!.port });
      try {
        await assert.rejects(
          () => erlDial(conn, `beam@${HOST}`, { name: OURS, cookie: "mine", creation: 5 }),
          (e: Error) => {
            assert.ok(e instanceof HandshakeError);
            assert.equal(e.why, "cookie");
            assert.match(e.message, /the cookies differ/);
            return true;
          },
        );
      } finally {
        conn.close();
        await stopChild(erl);
      }
    });
  },
});

for (const version of [6, 5]) {
  Deno.test({
    name: `a real erl node dials us (port mapper says ${version}) and its ping gets pong`,
    ignore: NO_ERL,
    async fn() {
      const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const port = (listener.addr as Deno.NetAddr).port;
      let accepted: { name: string; flags: bigint } | undefined;
      try {
        const output = await withErl(
          "beam",
          "sharedcookie",
          `io:format("~p~n", [net_adm:ping('${OURS}')]), halt().`,
          async (epmdPort) => {
            const reg = await registerNode({
              alive: "ours",
              port,
              epmdPort,
              highestVersion: version,
              lowestVersion: 5,
            });
            try {
              const conn = await listener.accept();
              try {
                accepted = await erlAccept(
                  conn,
                  { name: OURS, cookie: "sharedcookie", creation: 9 },
                  () => "ok",
                );
                // Answer net_kernel's is_auth call, as a node does.
                const reader = new FrameReader(conn);
                for (let f = await reader.next(); f !== null; f = await reader.next()) {
                  if (f.length === 0 || f[0] !== 112) continue;
                  const c = decodeEtfAt(f, 1);
                  const control = c.term as Term[];
                  if (control[0] !== 6 || control[3] !== "net_kernel") continue;
                  const [, [from, tag]] = decodeEtfAt(f, c.end).term as [string, [Pid, Term]];
                  await conn.write(frame([2, "", from], [tag, "yes"]));
                }
              } finally {
                conn.close();
              }
            } finally {
              reg.close();
            }
          },
        );
        assert.match(output, /^pong$/m);
        assert.equal(accepted?.name, `beam@${HOST}`);
      } finally {
        listener.close();
      }
    },
  });
}

Deno.test({
  name: "a real erl node with another cookie dials us: refused, and its ping gets pang",
  ignore: NO_ERL,
  async fn() {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    try {
      const output = await withErl(
        "beam",
        "theirs",
        `io:format("~p~n", [net_adm:ping('${OURS}')]), halt().`,
        async (epmdPort) => {
          const reg = await registerNode({ alive: "ours", port, epmdPort });
          try {
            const conn = await listener.accept();
            try {
              await assert.rejects(
                () => erlAccept(conn, { name: OURS, cookie: "mine", creation: 9 }, () => "ok"),
                (e: Error) => {
                  assert.ok(e instanceof HandshakeError);
                  assert.equal(e.why, "cookie");
                  assert.match(e.message, new RegExp(`beam@${HOST} does not share the cookie`));
                  return true;
                },
              );
            } finally {
              conn.close();
            }
          } finally {
            reg.close();
          }
        },
      );
      assert.match(output, /^pang$/m);
    } finally {
      listener.close();
    }
  },
});

Deno.test("erlDial() and erlAccept() agree with each other, and a wrong cookie fails both", async () => {
  const [a, b] = pipe();
  const [dialed, accepted] = await Promise.all([
    erlDial(a, "b@h", { name: "a@h", cookie: "c", creation: 3 }),
    erlAccept(b, { name: "b@h", cookie: "c", creation: 4 }, () => "ok"),
  ]);
  assert.deepEqual(dialed, { name: "b@h", flags: OUR_FLAGS, creation: 4 });
  assert.deepEqual(accepted, { name: "a@h", flags: OUR_FLAGS, creation: 3 });

  const [x, y] = pipe();
  const [d, acc] = await Promise.allSettled([
    erlDial(x, "b@h", { name: "a@h", cookie: "c", creation: 3 }),
    erlAccept(y, { name: "b@h", cookie: "other", creation: 4 }, () => "ok").finally(() =>
      y.close()
    ),
  ]);
  assert.equal(d.status === "rejected" && (d.reason as HandshakeError).why, "cookie");
  assert.equal(acc.status === "rejected" && (acc.reason as HandshakeError).why, "cookie");
});

Deno.test("erlAccept() refuses a caller without the flags OTP 25 makes mandatory", async () => {
  const [a, b] = pipe();
  const [d, acc] = await Promise.allSettled([
    erlDial(a, "b@h", {
      name: "a@h",
      cookie: "c",
      creation: 3,
      flags: OUR_FLAGS & ~DFLAG.UTF8_ATOMS,
    }),
    erlAccept(b, { name: "b@h", cookie: "c", creation: 4 }, () => "ok"),
  ]);
  assert.equal(d.status === "rejected" && (d.reason as HandshakeError).why, "not_allowed");
  assert.ok(acc.status === "rejected");
  assert.match((acc.reason as Error).message, /a@h lacks capabilities this node needs: UTF8_ATOMS/);
});

Deno.test("erlAccept() takes the old name form with its complement, as OTP 23 and 24 send it", async () => {
  const [a, b] = pipe();
  const accepting = erlAccept(b, { name: "b@h", cookie: "c", creation: 4 }, () => "ok");
  const send = async (body: number[]) => {
    await a.write(new Uint8Array([body.length >> 8, body.length & 0xff, ...body]));
  };
  const read = async (): Promise<Uint8Array> => {
    const head = new Uint8Array(2);
    let n = 0;
    while (n < 2) n += (await a.read(head.subarray(n))) ?? 0;
    const body = new Uint8Array(head[0]! << 8 | head[1]!);
    n = 0;
    while (n < body.length) n += (await a.read(body.subarray(n))) ?? 0;
    return body;
  };
  const u32 = (x: number) => [x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff];
  const low = Number(MANDATORY_FLAGS & 0xffffffffn), high = Number(MANDATORY_FLAGS >> 32n);
  // send_name, old form: 'n', version 5, the lower 32 flags, the name.
  await send([0x6e, 0, 5, ...u32(low), ...new TextEncoder().encode("a@h")]);
  assert.equal(new TextDecoder().decode(await read()), "sok");
  const challenge = await read();
  assert.equal(String.fromCharCode(challenge[0]!), "N");
  const theirs = new DataView(challenge.buffer).getUint32(9);
  // send_complement: the upper flags and the creation; then the reply.
  await send([0x63, ...u32(high), ...u32(77)]);
  await send([0x72, ...u32(12345), ...cookieDigest("c", theirs)]);
  const ack = await read();
  assert.equal(String.fromCharCode(ack[0]!), "a");
  assert.deepEqual(ack.subarray(1), cookieDigest("c", 12345));
  assert.deepEqual(await accepting, { name: "a@h", flags: MANDATORY_FLAGS, creation: 77 });
});
