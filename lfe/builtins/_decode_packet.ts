/**
 * `erlang:decode_packet/3`: one packet off the front of a binary, as a port or socket in
 * packet mode would take it — raw, length-prefixed (1, 2, 4), line, asn1, sunrm, fcgi, tpkt,
 * cdr, and HTTP request and status lines and headers (`http`, `httph` and their `_bin` forms)
 * — answering `{ok, Packet, Rest}`, `{more, Length | undefined}` or `{error, Reason}`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, type Term } from "../../runtime/terms.ts";
import { properArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

const MORE: Term = ["more", "undefined"];
const INVALID: Term = ["error", "invalid"];

/** The known header names, in erts's order: a header's bit is its place here, from 1. */
const HEADERS = [
  "Cache-Control",
  "Connection",
  "Date",
  "Pragma",
  "Transfer-Encoding",
  "Upgrade",
  "Via",
  "Accept",
  "Accept-Charset",
  "Accept-Encoding",
  "Accept-Language",
  "Authorization",
  "From",
  "Host",
  "If-Modified-Since",
  "If-Match",
  "If-None-Match",
  "If-Range",
  "If-Unmodified-Since",
  "Max-Forwards",
  "Proxy-Authorization",
  "Range",
  "Referer",
  "User-Agent",
  "Age",
  "Location",
  "Proxy-Authenticate",
  "Public",
  "Retry-After",
  "Server",
  "Vary",
  "Warning",
  "Www-Authenticate",
  "Allow",
  "Content-Base",
  "Content-Encoding",
  "Content-Language",
  "Content-Length",
  "Content-Location",
  "Content-Md5",
  "Content-Range",
  "Content-Type",
  "Etag",
  "Expires",
  "Last-Modified",
  "Accept-Ranges",
  "Set-Cookie",
  "Set-Cookie2",
  "X-Forwarded-For",
  "Cookie",
  "Keep-Alive",
  "Proxy-Connection",
];
const HEADER_INDEX = new Map(HEADERS.map((h, i) => [h.toLowerCase(), i + 1]));
const METHODS = new Set(["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE"]);

/** `decode_packet/3`. */
export function decodePacket(type: Term, bin: Term, options: Term): Term {
  const opts = properArray(options) ?? badarg();
  if (!(bin instanceof Uint8Array)) return badarg();
  let maxSize = 0, lineLength = 0;
  for (const o of opts) {
    if (!Array.isArray(o) || o.length !== 2 || typeof o[1] !== "number" || o[1] < 0) {
      return badarg();
    }
    if (o[0] === "packet_size") maxSize = o[1];
    else if (o[0] === "line_length") lineLength = o[1];
    else return badarg();
  }
  const ok = (len: number): Term => {
    if (maxSize > 0 && len > maxSize) return INVALID;
    if (bin.length < len) return ["more", len];
    return ["ok", bin.slice(0, len), bin.slice(len)];
  };
  switch (type) {
    case "raw":
    case 0:
      if (bin.length === 0) return MORE;
      return ok(bin.length);
    case 1:
    case 2:
    case 4: {
      if (bin.length < type) return MORE;
      let len = 0;
      for (let i = 0; i < type; i++) len = len * 256 + bin[i]!;
      if (maxSize > 0 && len > maxSize) return INVALID;
      if (bin.length < type + len) return ["more", type + len];
      return ["ok", bin.slice(type, type + len), bin.slice(type + len)];
    }
    case "line":
      return line(bin, maxSize, lineLength);
    case "asn1":
      return asn1(bin, ok);
    case "sunrm": {
      if (bin.length < 4) return MORE;
      const len = ((bin[0]! & 0x7f) * 2 ** 24) + (bin[1]! << 16) + (bin[2]! << 8) + bin[3]!;
      return ok(4 + len);
    }
    case "fcgi": {
      if (bin.length < 8) return MORE;
      // The padding is taken off the front too, but is no part of the packet.
      const body = 8 + ((bin[4]! << 8) | bin[5]!), whole = body + bin[6]!;
      if (maxSize > 0 && whole > maxSize) return INVALID;
      if (bin.length < whole) return ["more", whole];
      return ["ok", bin.slice(0, body), bin.slice(whole)];
    }
    case "tpkt": {
      if (bin.length < 4) return MORE;
      const len = (bin[2]! << 8) | bin[3]!;
      if (bin[0] !== 3 || len < 4) return INVALID;
      return ok(len);
    }
    case "cdr": {
      if (bin.length < 12) return MORE;
      if (String.fromCharCode(bin[0]!, bin[1]!, bin[2]!, bin[3]!) !== "GIOP") return INVALID;
      const little = (bin[6]! & 1) === 1;
      const dv = new DataView(bin.buffer, bin.byteOffset + 8, 4);
      return ok(12 + dv.getUint32(0, little));
    }
    case "http":
    case "http_bin":
    case "httph":
    case "httph_bin":
      return http(bin, type, maxSize, lineLength);
  }
  return badarg();
}

function line(bin: Uint8Array, maxSize: number, lineLength: number): Term {
  const nl = bin.indexOf(10);
  if (nl >= 0 && (lineLength === 0 || nl < lineLength)) {
    if (maxSize > 0 && nl + 1 > maxSize) return INVALID;
    return ["ok", bin.slice(0, nl + 1), bin.slice(nl + 1)];
  }
  if (lineLength > 0 && bin.length >= lineLength) {
    return ["ok", bin.slice(0, lineLength), bin.slice(lineLength)];
  }
  if (maxSize > 0 && bin.length > maxSize) return INVALID;
  return MORE;
}

function asn1(bin: Uint8Array, ok: (len: number) => Term): Term {
  let i = 0;
  if (bin.length < 1) return MORE;
  if ((bin[i++]! & 0x1f) === 0x1f) {
    for (;;) {
      if (i >= bin.length) return MORE;
      if ((bin[i++]! & 0x80) === 0) break;
    }
  }
  if (i >= bin.length) return MORE;
  const first = bin[i++]!;
  let len = 0;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0) return ok(i);
    if (i + n > bin.length) return MORE;
    for (let k = 0; k < n; k++) len = len * 256 + bin[i++]!;
  } else len = first;
  return ok(i + len);
}

function http(bin: Uint8Array, type: string, maxSize: number, lineLength: number): Term {
  const nl = bin.indexOf(10);
  if (nl < 0) {
    if (maxSize > 0 && bin.length > maxSize) return INVALID;
    if (lineLength > 0 && bin.length >= lineLength) return INVALID;
    return MORE;
  }
  if (maxSize > 0 && nl + 1 > maxSize) return INVALID;
  if (lineLength > 0 && nl + 1 > lineLength) return INVALID;
  const asBin = type.endsWith("_bin");
  const str = (s: string): Term =>
    asBin
      ? new Uint8Array([...s].map((c) => c.charCodeAt(0)))
      : arrayToList([...s].map((c) => c.charCodeAt(0)));
  const lineBytes = bin.subarray(0, nl + 1);
  const text = String.fromCharCode(...lineBytes);
  const body = text.endsWith("\r\n") ? text.slice(0, -2) : text.slice(0, -1);
  const rest = bin.slice(nl + 1);
  const error = (): Term => ["ok", ["http_error", str(text)], rest];
  if (type === "httph" || type === "httph_bin") {
    if (body === "") return ["ok", "http_eoh", rest];
    return header(bin, nl, str);
  }
  if (body.startsWith("HTTP/")) {
    const m = /^HTTP\/(\d+)\.(\d+) (\d\d\d)(?: (.*))?$/.exec(body);
    if (!m) return error();
    return [
      "ok",
      ["http_response", [Number(m[1]), Number(m[2])], Number(m[3]), str(m[4] ?? "")],
      rest,
    ];
  }
  const m = /^([^ ]+) ([^ ]+)(?: HTTP\/(\d+)\.(\d+))?$/.exec(body);
  if (!m || !/^[A-Za-z]+$/.test(m[1]!)) return error();
  const method: Term = METHODS.has(m[1]!) ? m[1]! : str(m[1]!);
  const version: Term = m[3] === undefined ? [0, 9] : [Number(m[3]), Number(m[4])];
  return ["ok", ["http_request", method, uri(m[2]!, str), version], rest];
}

function uri(u: string, str: (s: string) => Term): Term {
  if (u === "*") return "*";
  if (u.startsWith("/")) return ["abs_path", str(u)];
  const abs = /^(https?):\/\/([^/:]*)(?::(\d*))?(\/.*)?$/i.exec(u);
  if (abs) {
    const scheme = abs[1]!.toLowerCase();
    const port: Term = abs[3] === undefined || abs[3] === "" ? "undefined" : Number(abs[3]);
    return ["absoluteURI", scheme, str(abs[2]!), port, str(abs[4] ?? "/")];
  }
  const colon = u.indexOf(":");
  if (colon > 0) return ["scheme", str(u.slice(0, colon)), str(u.slice(colon + 1))];
  return str(u);
}

function header(bin: Uint8Array, nl: number, str: (s: string) => Term): Term {
  // A header goes on over the lines that start with a space or a tab: the next line must be
  // seen before this one is taken.
  let end = nl + 1;
  for (;;) {
    if (end >= bin.length) return MORE;
    const c = bin[end]!;
    if (c !== 32 && c !== 9) break;
    const next = bin.indexOf(10, end);
    if (next < 0) return MORE;
    end = next + 1;
  }
  // The value keeps its continuation lines as they came, line ends and all.
  const whole = String.fromCharCode(...bin.subarray(0, end));
  const value = whole.endsWith("\r\n") ? whole.slice(0, -2) : whole.slice(0, -1);
  const colon = value.indexOf(":");
  if (colon <= 0 || /[ \t]/.test(value.slice(0, colon))) {
    return ["ok", ["http_error", str(whole)], bin.slice(end)];
  }
  const name = value.slice(0, colon);
  const v = value.slice(colon + 1).replace(/^[ \t]+/, "");
  const bit = HEADER_INDEX.get(name.toLowerCase()) ?? 0;
  const field: Term = bit > 0 ? HEADERS[bit - 1]! : str(normalName(name));
  return ["ok", ["http_header", bit, field, str(name), str(v)], bin.slice(end)];
}

/** A header name as erts writes an unknown one: capitals after the start and each dash. */
function normalName(n: string): string {
  return n.replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
}
