/**
 * Node names as `erl` makes them from `-sname` and `-name`: `alive@host`, where a short name's
 * host is the machine's host name up to its first dot and a long name's host is fully qualified
 * (or an IP address). Short-name and long-name nodes do not talk to each other, so which kind a
 * name is matters as much as the name.
 *
 * @example
 * ```ts
 * import { nodeNameFromFlags } from "./names.ts";
 * const n = nodeNameFromFlags({ sname: "pong", hostname: "kosken.example.com" });
 * console.assert(n.node === "pong@kosken" && !n.long);
 * ```
 *
 * @module
 */

/** The flags that name a node, as `erl` takes them; `hostname` overrides `Deno.hostname()`. */
export interface NodeNameFlags {
  /** `-sname N` or `-sname N@H`: a short name. */
  sname?: string;
  /** `-name N@HOST` or `-name N`: a long (fully qualified) name. */
  name?: string;
  /** The machine's host name; `Deno.hostname()` when absent. */
  hostname?: string;
}

/** A node's full name and its parts. */
export interface NodeName {
  /** The full name, `alive@host`, as in `pong@kosken`. */
  node: string;
  /** The part before the `@`, which the port mapper registers. */
  alive: string;
  /** The part after the `@`. */
  host: string;
  /** Whether this is a long (`-name`) name. */
  long: boolean;
}

// Longer names do not fit the port mapper's 255-byte name field.
const MAX_ALIVE = 255;
const ALIVE = /^[A-Za-z0-9_-]+$/;
const HOST = /^[A-Za-z0-9._-]+$/;

/**
 * The name a node gets from `-sname` or `-name`, as `erl` makes it.
 *
 * - `-sname N` gives `N@<host name up to its first dot>`; `-sname N@H` keeps `H`, which must have
 *   no dot.
 * - `-name N@HOST` needs `HOST` to have a dot or be an IP address; `-name N` uses the host name,
 *   which must then be fully qualified.
 *
 * Throws a `TypeError` when neither or both flags are given, a `RangeError` for a name that
 * cannot be used.
 *
 * @example
 * ```ts
 * import { nodeNameFromFlags } from "./names.ts";
 * const n = nodeNameFromFlags({ name: "ping@gollum.example.com" });
 * console.assert(n.alive === "ping" && n.host === "gollum.example.com" && n.long);
 * ```
 */
export function nodeNameFromFlags(flags: NodeNameFlags): NodeName {
  const { sname, name } = flags;
  if (sname !== undefined && name !== undefined) {
    throw new TypeError(
      `Cannot name a node with both -sname "${sname}" and -name "${name}": give one of them`,
    );
  }
  if (sname !== undefined) return shortName(sname, flags.hostname);
  if (name !== undefined) return longName(name, flags.hostname);
  throw new TypeError("Cannot name a node without -sname or -name");
}

/**
 * Whether `node` is a long name: its host has a dot, or is an IP address.
 *
 * @example
 * ```ts
 * import { isLongNodeName } from "./names.ts";
 * console.assert(isLongNodeName("pong@kosken.example.com") && !isLongNodeName("pong@kosken"));
 * ```
 */
export function isLongNodeName(node: string): boolean {
  return isLongHost(splitNodeName(node).host);
}

/**
 * The two parts of `alive@host`; a `RangeError` when either is missing.
 *
 * @example
 * ```ts
 * import { splitNodeName } from "./names.ts";
 * const { alive, host } = splitNodeName("pong@kosken");
 * console.assert(alive === "pong" && host === "kosken");
 * ```
 */
export function splitNodeName(node: string): { alive: string; host: string } {
  const at = node.indexOf("@");
  if (at <= 0 || at === node.length - 1) {
    throw new RangeError(`Cannot split node name "${node}": expected the form alive@host`);
  }
  return { alive: node.slice(0, at), host: node.slice(at + 1) };
}

function shortName(flag: string, hostname: string | undefined): NodeName {
  const [alive, given] = parts(flag, "-sname");
  let host: string;
  if (given === undefined) {
    const full = hostname ?? Deno.hostname();
    host = full.split(".")[0] ?? "";
    checkHost(host, flag, "-sname");
  } else {
    checkHost(given, flag, "-sname");
    if (given.includes(".")) {
      throw new RangeError(
        `Cannot use -sname "${flag}": a short name's host has no dots; ` +
          `use -name ${flag} for a fully qualified host`,
      );
    }
    host = given;
  }
  return { node: `${alive}@${host}`, alive, host, long: false };
}

function longName(flag: string, hostname: string | undefined): NodeName {
  const [alive, given] = parts(flag, "-name");
  let host: string;
  if (given === undefined) {
    host = hostname ?? Deno.hostname();
    if (!isLongHost(host)) {
      throw new RangeError(
        `Cannot set long node name "${flag}": the host name "${host}" has no domain; ` +
          `give -name ${flag}@HOST with a fully qualified HOST or an IP address, ` +
          `or use -sname ${flag}`,
      );
    }
    checkHost(host, flag, "-name");
  } else {
    checkHost(given, flag, "-name");
    if (!isLongHost(given)) {
      throw new RangeError(
        `Cannot use -name "${flag}": the host "${given}" is neither fully qualified nor an ` +
          `IP address; give a host with a domain, or use -sname ${flag}`,
      );
    }
    host = given;
  }
  return { node: `${alive}@${host}`, alive, host, long: true };
}

/** The alive part, checked, and the host part when the flag has one. */
function parts(flag: string, which: string): [string, string | undefined] {
  const at = flag.indexOf("@");
  const alive = at < 0 ? flag : flag.slice(0, at);
  if (alive === "") throw new RangeError(`Cannot use ${which} "${flag}": the name is empty`);
  if (!ALIVE.test(alive)) {
    throw new RangeError(
      `Cannot use ${which} "${flag}": "${alive}" may hold only letters, digits, _ and -`,
    );
  }
  if (alive.length > MAX_ALIVE) {
    throw new RangeError(
      `Cannot use ${which} "${flag}": the name is longer than ${MAX_ALIVE} characters`,
    );
  }
  return [alive, at < 0 ? undefined : flag.slice(at + 1)];
}

function checkHost(host: string, flag: string, which: string): void {
  if (host === "") throw new RangeError(`Cannot use ${which} "${flag}": the host is empty`);
  if (!HOST.test(host) && !isIpv6(host)) {
    throw new RangeError(`Cannot use ${which} "${flag}": "${host}" is not a host name`);
  }
}

function isLongHost(host: string): boolean {
  return host.includes(".") || isIpv6(host);
}

function isIpv6(host: string): boolean {
  return host.includes(":") && /^[0-9A-Fa-f:.]+$/.test(host);
}

/** What the port mapper's extra field says of a node of ours, so peers can tell us from BEAM. */
export const NODE_MARK = "lfe-deno/1";
