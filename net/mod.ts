/**
 * Distribution: node names, cookies, the port mapper (client and daemon), the cookie handshake,
 * length-prefixed CBOR frames, connections, and the router through which the runtime reaches
 * processes on other nodes.
 *
 * @module
 */

export * from "./names.ts";
export * from "./cookie.ts";
export * from "./epmd_client.ts";
export * from "./epmd_server.ts";
export * from "./epmd_daemon.ts";
export * from "./frame.ts";
export * from "./etf.ts";
export * from "./erl_handshake.ts";
export * from "./handshake.ts";
export * from "./connection.ts";
export * from "./dist.ts";
export * from "./start.ts";
