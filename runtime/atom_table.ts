/**
 * The atoms this isolate has seen, for `list_to_existing_atom/1` and `system_info(atom_count)`:
 * those the LFE reader read, those made from text at run time (`list_to_atom/1`, ...), and a
 * few that every BEAM node has from its start. An atom is a JavaScript string and needs no
 * table to be used; this one only answers whether an atom exists yet.
 *
 * @example
 * ```ts
 * import { atomExists, noteAtom } from "./atom_table.ts";
 * noteAtom("pong");
 * atomExists("pong"); // true
 * ```
 *
 * @module
 */

const seen = new Set<string>(
  ("true false ok error undefined badarg badarith badmatch badkey badmap badfun badarity " +
    "function_clause case_clause if_clause try_clause undef noproc normal kill killed " +
    "infinity nomatch none exit throw EXIT DOWN process port nodedown noconnection " +
    "system_limit timeout value lists maps erlang io lfe init").split(" "),
);

/** Notes that the atom `name` exists; answers `name`. */
export function noteAtom(name: string): string {
  seen.add(name);
  return name;
}

/** Whether the atom `name` has been seen. */
export function atomExists(name: string): boolean {
  return seen.has(name);
}

/** How many atoms have been seen, and their names' length in all. */
export function atomTableSize(): { count: number; bytes: number } {
  let bytes = 0;
  for (const a of seen) bytes += a.length;
  return { count: seen.size, bytes };
}
