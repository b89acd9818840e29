/**
 * Ports to external programs, as `erlang:open_port/2` opens them: `{spawn, Command}` (run by
 * `/bin/sh -c "exec Command"`) and `{spawn_executable, File}` with `{args, Args}`; their output comes to the
 * connected process as `{Port, {data, Data}}` (a list, or a binary with `binary`; lines with
 * `{line, L}`; frames with `{packet, N}`), then `{Port, {exit_status, S}}` with `exit_status`
 * and `{Port, eof}` with `eof`; the connected process's `{Pid, {command, Data}}`,
 * `{Pid, close}` and `{Pid, {connect, New}}` messages, `port_command/2,3`, `port_close/1`,
 * `port_connect/2`, `port_info/1,2`, `ports/0`, `port_get_data/1` and `port_set_data/2`. A
 * port closes when its connected process ends, and its end reaches the processes linked to it
 * as an exit signal.
 *
 * @module
 */

import { setPortSender, thisNode } from "../../runtime/api.ts";
import { raiseError } from "../../runtime/errors.ts";
import { addOnExit, type Process, State } from "../../runtime/process.ts";
import { mustCurrent } from "../../runtime/receive.ts";
import { arrayToList, charlist, Pid, Port, type Term } from "../../runtime/terms.ts";
import { iolistBytes } from "./_erlang_convert.ts";
import { chardataToString } from "./_chardata.ts";
import { properArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

interface Framing {
  binary: boolean;
  packet: 0 | 1 | 2 | 4;
  line: number;
}

/** An open port. */
class OpenPort {
  readonly port: Port;
  connected: Process;
  readonly links = new Set<Process>();
  readonly name: string;
  readonly framing: Framing;
  readonly exitStatus: boolean;
  readonly eof: boolean;
  data: Term = "undefined";
  input = 0;
  output = 0;
  osPid: number;
  closed = false;
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  #pending: Uint8Array = new Uint8Array(0);

  constructor(
    port: Port,
    owner: Process,
    name: string,
    child: Deno.ChildProcess,
    framing: Framing,
    exitStatus: boolean,
    eof: boolean,
    input: boolean,
    writable: boolean,
  ) {
    this.port = port;
    this.connected = owner;
    this.links.add(owner);
    this.name = name;
    this.framing = framing;
    this.exitStatus = exitStatus;
    this.eof = eof;
    this.#child = child;
    this.osPid = child.pid;
    this.#writer = writable ? child.stdin.getWriter() : undefined;
    addOnExit(owner, () => this.close("normal", false));
    if (input) void this.#read();
    else void child.stdout.cancel().catch(() => {});
  }

  async #read(): Promise<void> {
    const reader = this.#child.stdout.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.closed) break;
        this.input += value.length;
        this.#take(value);
      }
    } catch {
      // The pipe went away: the end is reported below.
    }
    if (this.closed) return;
    this.#flushLine();
    let status = 0;
    try {
      const s = await this.#child.status;
      status = s.signal !== null ? 128 + signalNumber(s.signal) : s.code;
    } catch {
      status = 0;
    }
    if (this.closed) return;
    if (this.exitStatus) this.#send(["exit_status", status]);
    if (this.eof) {
      this.#send("eof");
      return;
    }
    this.close("normal", true);
  }

  #out(bytes: Uint8Array): Term {
    return this.framing.binary ? bytes : arrayToList([...bytes]);
  }

  #send(what: Term): void {
    this.connected.post([this.port, what]);
  }

  #take(chunk: Uint8Array): void {
    const f = this.framing;
    if (f.packet === 0 && f.line === 0) {
      this.#send(["data", this.#out(chunk)]);
      return;
    }
    let buf = concat(this.#pending, chunk);
    if (f.packet !== 0) {
      for (;;) {
        if (buf.length < f.packet) break;
        let len = 0;
        for (let i = 0; i < f.packet; i++) len = len * 256 + buf[i]!;
        if (buf.length < f.packet + len) break;
        this.#send(["data", this.#out(buf.slice(f.packet, f.packet + len))]);
        buf = buf.slice(f.packet + len);
      }
      this.#pending = buf;
      return;
    }
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl >= 0 && nl <= f.line) {
        let line = buf.subarray(0, nl);
        if (line.length > 0 && line[line.length - 1] === 13) {
          line = line.subarray(0, line.length - 1);
        }
        this.#send(["data", ["eol", this.#out(line.slice())]]);
        buf = buf.slice(nl + 1);
        continue;
      }
      if (buf.length > f.line) {
        this.#send(["data", ["noeol", this.#out(buf.slice(0, f.line))]]);
        buf = buf.slice(f.line);
        continue;
      }
      break;
    }
    this.#pending = buf;
  }

  #flushLine(): void {
    if (this.framing.line > 0 && this.#pending.length > 0) {
      this.#send(["data", ["noeol", this.#out(this.#pending)]]);
    }
    this.#pending = new Uint8Array(0);
  }

  /** Writes io data to the program, framed as the port frames. */
  command(data: Uint8Array): void {
    let bytes = data;
    const n = this.framing.packet;
    if (n !== 0) {
      const head = new Uint8Array(n);
      let len = data.length;
      for (let i = n - 1; i >= 0; i--) {
        head[i] = len & 0xff;
        len = Math.floor(len / 256);
      }
      bytes = concat(head, data);
    }
    this.output += bytes.length;
    void this.#writer?.write(bytes).catch(() => {});
  }

  /** Closes the port; its linked processes get its exit signal when `signal` is set. */
  close(reason: Term, signal: boolean): void {
    if (this.closed) return;
    this.closed = true;
    PORTS.delete(this.port.id);
    void this.#writer?.close().catch(() => {});
    this.#writer = undefined;
    void this.#child.stdout.cancel().catch(() => {});
    if (!signal) return;
    for (const p of this.links) {
      if (p.trapExit) p.post(["EXIT", this.port, reason]);
      else if (reason !== "normal") p.node.exitProcess(p, reason);
    }
  }
}

function signalNumber(s: Deno.Signal): number {
  const n: Record<string, number> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGKILL: 9,
    SIGTERM: 15,
    SIGPIPE: 13,
  };
  return n[s] ?? 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const PORTS = new Map<number, OpenPort>();
let nextPort = 1;

function text(t: Term): string {
  if (t instanceof Uint8Array) return new TextDecoder().decode(t);
  try {
    return chardataToString(t);
  } catch {
    return badarg();
  }
}

/** `open_port/2`. */
export function openPort(name: Term, settings: Term): Port {
  const p = mustCurrent("open_port");
  const opts = properArray(settings) ?? badarg();
  if (!Array.isArray(name) || name.length !== 2) return badarg();
  const framing: Framing = { binary: false, packet: 0, line: 0 };
  let exitStatus = false, eof = false, stderr = false, input = true, output = true;
  let cwd: string | undefined, args: string[] | undefined;
  const env: Record<string, string> = {};
  const unset: string[] = [];
  for (const o of opts) {
    if (o === "binary") framing.binary = true;
    else if (o === "exit_status") exitStatus = true;
    else if (o === "eof") eof = true;
    else if (o === "stderr_to_stdout") stderr = true;
    else if (o === "in") output = false;
    else if (o === "out") input = false;
    else if (
      ["stream", "use_stdio", "hide", "overlapped_io", "nouse_stdio"].includes(o as string)
    ) continue;
    else if (Array.isArray(o) && o.length === 2) {
      const [k, v] = o;
      if (k === "packet" && (v === 1 || v === 2 || v === 4)) framing.packet = v;
      else if (k === "line" && typeof v === "number" && v > 0) framing.line = v;
      else if (k === "cd") cwd = text(v!);
      else if (k === "args") args = (properArray(v!) ?? badarg()).map(text);
      else if (
        k === "arg0" || k === "parallelism" || k === "busy_limits_port" || k === "busy_limits_msgq"
      ) continue;
      else if (k === "env") {
        for (const e of properArray(v!) ?? badarg()) {
          if (!Array.isArray(e) || e.length !== 2) return badarg();
          if (e[1] === false) unset.push(text(e[0]!));
          else env[text(e[0]!)] = text(e[1]!);
        }
      } else return badarg();
    } else return badarg();
  }
  const [kind, what] = name;
  let cmd: string, cmdArgs: string[], display: string;
  if (kind === "spawn") {
    display = text(what!);
    cmd = "sh";
    // As erl runs it: the shell execs the command, so only its first command runs.
    cmdArgs = ["-c", stderr ? `exec 2>&1; exec ${display}` : `exec ${display}`];
  } else if (kind === "spawn_executable") {
    display = text(what!);
    try {
      const st = Deno.statSync(display);
      if (!st.isFile) return raiseError("eacces");
    } catch {
      return raiseError("enoent");
    }
    if (stderr) {
      cmd = "/bin/sh";
      cmdArgs = ["-c", 'exec 2>&1; exec "$0" "$@"', display, ...(args ?? [])];
    } else {
      cmd = display;
      cmdArgs = args ?? [];
    }
  } else return badarg();
  const envAll = { ...Deno.env.toObject(), ...env };
  for (const u of unset) delete envAll[u];
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args: cmdArgs,
      ...(cwd !== undefined ? { cwd } : {}),
      env: envAll,
      clearEnv: true,
      stdin: output ? "piped" : "null",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
  } catch (e) {
    return raiseError(e instanceof Deno.errors.NotFound ? "enoent" : "eacces");
  }
  const port = new Port(p.node.name, nextPort++, p.node.creation);
  const open = new OpenPort(port, p, display, child, framing, exitStatus, eof, input, output);
  PORTS.set(port.id, open);
  return port;
}

function openOf(t: Term): OpenPort {
  if (!(t instanceof Port)) return badarg();
  const o = PORTS.get(t.id);
  if (o === undefined || t.node !== thisNode().name) return badarg();
  return o;
}

/** `port_command/2,3`. */
export function portCommand(port: Term, data: Term, options: Term = null): Term {
  const o = openOf(port);
  const opts = properArray(options) ?? badarg();
  if (opts.some((x) => x !== "force" && x !== "nosuspend")) return badarg();
  const bytes = data instanceof Uint8Array ? data : iolistBytes(data) ?? badarg();
  o.command(bytes);
  return true;
}

/** `port_close/1`. */
export function portClose(port: Term): Term {
  openOf(port).close("normal", false);
  return true;
}

/** `port_connect/2`. */
export function portConnect(port: Term, pid: Term): Term {
  const o = openOf(port);
  if (!(pid instanceof Pid)) return badarg();
  const q = thisNode().lookup(pid);
  if (q === undefined) return badarg();
  o.connected = q;
  o.links.add(q);
  addOnExit(q, () => {
    if (o.connected === q) o.close("normal", false);
  });
  return true;
}

/** A message sent to a port: the connected process's commands. */
export function sendToPort(port: Port, msg: Term): void {
  const o = PORTS.get(port.id);
  if (o === undefined || port.node !== thisNode().name) return;
  if (!Array.isArray(msg) || msg.length !== 2 || !(msg[0] instanceof Pid)) {
    o.close("badsig", true);
    return;
  }
  const [from, what] = msg as [Pid, Term];
  if (what === "close") {
    o.close("normal", false);
    thisNode().lookup(from)?.post([port, "closed"]);
  } else if (Array.isArray(what) && what.length === 2 && what[0] === "command") {
    const bytes = what[1] instanceof Uint8Array ? what[1] : iolistBytes(what[1]!);
    if (bytes === undefined) o.close("badsig", true);
    else o.command(bytes);
  } else if (
    Array.isArray(what) && what.length === 2 && what[0] === "connect" && what[1] instanceof Pid
  ) {
    const old = o.connected;
    portConnect(port, what[1]);
    old.post([port, "connected"]);
  } else o.close("badsig", true);
}

const INFO_ITEMS = ["name", "links", "id", "connected", "input", "output", "os_pid"];

function infoItem(o: OpenPort, item: string): Term {
  switch (item) {
    case "name":
      return charlist(o.name);
    case "links":
      return arrayToList([...o.links].filter((p) => p.state !== State.Exited).map((p) => p.pid));
    case "id":
      return o.port.id;
    case "connected":
      return o.connected.pid;
    case "input":
      return o.input;
    case "output":
      return o.output;
    case "os_pid":
      return o.osPid;
    case "registered_name":
      return null;
    case "memory":
      return 400;
    case "queue_size":
      return 0;
    case "locking":
      return "port_level";
    case "parallelism":
      return false;
    case "monitors":
    case "monitored_by":
      return null;
  }
  return badarg();
}

/** `port_info/1`: `undefined` for a port that is closed. */
export function portInfo(port: Term): Term {
  if (!(port instanceof Port)) return badarg();
  const o = PORTS.get(port.id);
  if (o === undefined) return "undefined";
  return arrayToList(INFO_ITEMS.map((i) => [i, infoItem(o, i)]));
}

/** `port_info/2`. */
export function portInfo2(port: Term, item: Term): Term {
  if (!(port instanceof Port) || typeof item !== "string") return badarg();
  const o = PORTS.get(port.id);
  if (o === undefined) return "undefined";
  if (item === "registered_name") return null;
  return [item, infoItem(o, item)];
}

/** `ports/0`. */
export function ports(): Term {
  return arrayToList([...PORTS.values()].map((o) => o.port));
}

/** `port_get_data/1`. */
export function portGetData(port: Term): Term {
  return openOf(port).data;
}

/** `port_set_data/2`. */
export function portSetData(port: Term, data: Term): Term {
  openOf(port).data = data;
  return true;
}

/** `port_control/3` and `port_call/2,3`: no port here runs a driver that answers them. */
export function portControl(port: Term, _op: Term, _data?: Term): never {
  openOf(port);
  return badarg();
}

setPortSender(sendToPort);
