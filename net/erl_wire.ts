/**
 * Control messages on a connection to a BEAM node: the Erlang distribution protocol's
 * pass-through messages (`p`, then the control tuple and the message in the External Term
 * Format) translated to and from the control tuples of `control.ts`, so that one set of
 * handlers serves both kinds of peer.
 *
 * | ours                                              | Erlang's                                   |
 * |---------------------------------------------------|--------------------------------------------|
 * | `#(send To Msg)`                                  | `SEND` (2), `SEND_SENDER` (22), `_TT` forms |
 * | `#(reg_send Name Msg)`                            | `REG_SEND` (6), `REG_SEND_TT` (16)         |
 * | `#(link From To)` / `#(unlink From To)`           | `LINK` (1) / `UNLINK_ID` (35) and its ack  |
 * | `#(link_noproc From To)`                          | `EXIT` (3) with reason `noproc`            |
 * | `#(exit From To Reason)`                          | `EXIT` (3), `PAYLOAD_EXIT` (24), `_TT`     |
 * | `#(exit2 From To Reason)`                         | `EXIT2` (8), `PAYLOAD_EXIT2` (26), `_TT`   |
 * | `#(monitor From Target Ref)`                      | `MONITOR_P` (19)                           |
 * | `#(demonitor From Target Ref)`                    | `DEMONITOR_P` (20)                         |
 * | `#(down From To Ref Object Reason)`               | `MONITOR_P_EXIT` (21), `PAYLOAD_MONITOR_P_EXIT` (28) |
 * | `#(spawn_request ...)` / `#(spawn_reply ...)`     | `SPAWN_REQUEST` (29) / `SPAWN_REPLY` (31)  |
 * | `#(group_leader From To)`                         | `GROUP_LEADER` (7)                         |
 * | `#(tick)`                                         | an empty frame                             |
 *
 * @module
 */

import {
  arrayToList,
  binary,
  listToArray,
  Pid,
  Ref,
  refKey,
  type Term,
  TermDecodeError,
} from "../runtime/mod.ts";
import { decodeEtfAt, encodeEtfFrame } from "./etf.ts";

const PASS_THROUGH = 112;
const TICK_FRAME = new Uint8Array(4);

/** The translation for one connection to a BEAM node. */
export class ErlWire {
  readonly #peer: string;
  readonly #system: Pid;
  #nextUnlinkId = 1;
  // Spawn requests from the peer, by reference: the link and monitor flags of the reply.
  readonly #spawnFlags = new Map<string, number>();

  /** `system` stands as the sender where Erlang wants one and ours has none. */
  constructor(peer: string, system: Pid) {
    this.#peer = peer;
    this.#system = system;
  }

  /** One of our control tuples as a whole frame (length included) for the BEAM peer. */
  encode(t: Term): Uint8Array {
    const c = t as Term[];
    switch (c[0]) {
      case "tick":
        return TICK_FRAME;
      case "send":
        return frame([2, "", c[1] as Term], c[2] as Term);
      case "reg_send":
        return frame([6, this.#system, "", c[1] as Term], c[2] as Term);
      case "link":
        return frame([1, c[1] as Term, c[2] as Term]);
      case "unlink":
        return frame([35, this.#nextUnlinkId++, c[1] as Term, c[2] as Term]);
      case "unlink_id_ack":
        return frame([36, c[1] as Term, c[2] as Term, c[3] as Term]);
      case "link_noproc":
        // The link's target is not there: the caller gets its exit as from the target.
        return frame([3, c[2] as Term, c[1] as Term, "noproc"]);
      case "exit":
        return frame([3, c[1] as Term, c[2] as Term, c[3] as Term]);
      case "exit2":
        return frame([8, c[1] as Term, c[2] as Term, c[3] as Term]);
      case "monitor":
        return frame([19, c[1] as Term, c[2] as Term, c[3] as Term]);
      case "demonitor":
        return frame([20, c[1] as Term, c[2] as Term, c[3] as Term]);
      case "down": {
        const [, from, to, ref, object, reason] = c;
        // A monitor by name names the process by its name.
        const who = from instanceof Pid ? from : Array.isArray(object) ? object[0] : object;
        return frame([21, who as Term, to as Term, ref as Term, reason as Term]);
      }
      case "spawn_request": {
        const [, ref, from, gl, m, f, args, link, monitor] = c;
        const argv = listToArray(args as Term);
        const opts: Term[] = [];
        if (link === true) opts.push("link");
        if (monitor === true) opts.push("monitor");
        return frame(
          [
            29,
            ref as Term,
            from as Term,
            gl as Term,
            [m as Term, f as Term, argv.length],
            arrayToList(opts),
          ],
          args as Term,
        );
      }
      case "spawn_reply": {
        const [, to, ref, status, result] = c;
        const key = refKey(ref as Ref);
        const flags = status === "ok" ? this.#spawnFlags.get(key) ?? 0 : 0;
        this.#spawnFlags.delete(key);
        return frame([31, ref as Term, to as Term, flags, result as Term]);
      }
      case "group_leader":
        return frame([7, c[1] as Term, c[2] as Term]);
    }
    throw new TypeError(`No Erlang form for the control message ${String(c[0])}`);
  }

  /**
   * A frame from the BEAM peer as one of our control tuples; `null` for a tick. `reply` sends
   * what the protocol answers at once (the acknowledgement of an unlink).
   */
  decode(f: Uint8Array, reply: (t: Term) => void): Term[] | null {
    if (f.length === 0) return null;
    try {
      return this.#decode(f, reply);
    } catch (e) {
      // The frame's bounds are sound, so the connection is: only this message is lost.
      if (e instanceof TermDecodeError) return ["undecodable", binary(e.message)];
      throw e;
    }
  }

  #decode(f: Uint8Array, reply: (t: Term) => void): Term[] | null {
    if (f[0] !== PASS_THROUGH) {
      throw new SyntaxError(`a frame of kind ${f[0]}, not a pass-through message`);
    }
    const head = decodeEtfAt(f, 1);
    const c = head.term;
    if (!Array.isArray(c) || typeof c[0] !== "number") {
      throw new SyntaxError("a control message that is not a tuple with an operation");
    }
    const payload = (): Term => {
      if (head.end >= f.length) throw new SyntaxError(`operation ${c[0]} without its message`);
      return decodeEtfAt(f, head.end).term;
    };
    switch (c[0]) {
      case 1: // LINK
        return ["link", c[1] as Term, c[2] as Term];
      case 2: // SEND
      case 12: // SEND_TT
      case 22: // SEND_SENDER
      case 23: // SEND_SENDER_TT
        return ["send", c[2] as Term, payload()];
      case 3: // EXIT
      case 13: // EXIT_TT
        return ["exit", c[1] as Term, c[2] as Term, (c[0] === 3 ? c[3] : c[4]) as Term];
      case 24: // PAYLOAD_EXIT
      case 25: // PAYLOAD_EXIT_TT
        return ["exit", c[1] as Term, c[2] as Term, payload()];
      case 4: // UNLINK, before UNLINK_ID
        return ["unlink", c[1] as Term, c[2] as Term];
      case 35: // UNLINK_ID
        reply(["unlink_id_ack", c[1] as Term, c[3] as Term, c[2] as Term]);
        return ["unlink", c[2] as Term, c[3] as Term];
      case 36: // UNLINK_ID_ACK
        return ["tick"];
      case 6: // REG_SEND
      case 16: // REG_SEND_TT
        return ["reg_send", c[3] as Term, payload()];
      case 7: // GROUP_LEADER
        return ["group_leader", c[1] as Term, c[2] as Term];
      case 8: // EXIT2
      case 18: // EXIT2_TT
        return ["exit2", c[1] as Term, c[2] as Term, (c[0] === 8 ? c[3] : c[4]) as Term];
      case 26: // PAYLOAD_EXIT2
      case 27: // PAYLOAD_EXIT2_TT
        return ["exit2", c[1] as Term, c[2] as Term, payload()];
      case 19: // MONITOR_P
        return ["monitor", c[1] as Term, c[2] as Term, c[3] as Term];
      case 20: // DEMONITOR_P
        return ["demonitor", c[1] as Term, c[2] as Term, c[3] as Term];
      case 21: // MONITOR_P_EXIT
      case 28: { // PAYLOAD_MONITOR_P_EXIT
        const reason = c[0] === 21 ? c[4] as Term : payload();
        const from = c[1];
        const object: Term = from instanceof Pid ? from : [from as Term, this.#peer];
        return [
          "down",
          from instanceof Pid ? from : null,
          c[2] as Term,
          c[3] as Term,
          object,
          reason,
        ];
      }
      case 29: // SPAWN_REQUEST
      case 30: { // SPAWN_REQUEST_TT
        const [, ref, from, gl, mfa, opts] = c;
        const [m, fn] = Array.isArray(mfa) ? mfa : [];
        let link = false, monitor = false;
        for (const o of safeList(opts as Term)) {
          if (o === "link") link = true;
          else if (o === "monitor") monitor = true;
        }
        if (ref instanceof Ref) {
          this.#spawnFlags.set(refKey(ref), (link ? 1 : 0) | (monitor ? 2 : 0));
        }
        return [
          "spawn_request",
          ref as Term,
          from as Term,
          gl as Term,
          m as Term,
          fn as Term,
          payload(),
          link,
          monitor,
        ];
      }
      case 31: // SPAWN_REPLY
      case 32: { // SPAWN_REPLY_TT
        const [, ref, to, , result] = c;
        return [
          "spawn_reply",
          to as Term,
          ref as Term,
          result instanceof Pid ? "ok" : "error",
          result as Term,
        ];
      }
    }
    return [`erlang_operation_${c[0]}`];
  }
}

function safeList(l: Term): Term[] {
  try {
    return listToArray(l);
  } catch {
    return [];
  }
}

/** A pass-through frame: the length, `p`, the control tuple, and the message if there is one. */
export function frame(control: Term, message?: Term): Uint8Array {
  return encodeEtfFrame(PASS_THROUGH, message === undefined ? [control] : [control, message]);
}
