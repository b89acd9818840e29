/**
 * The magic cookie a node proves to its peers, found as `erl` finds it: `-setcookie` wins;
 * otherwise the first line of `$HOME/.erlang.cookie`, which is made with a random cookie when it
 * is missing and must be private to its owner.
 *
 * @example
 * ```ts
 * import { resolveCookie } from "./cookie.ts";
 * const { cookie, source } = await resolveCookie({ setcookie: "secret" });
 * console.assert(cookie === "secret" && source === "flag");
 * ```
 *
 * @module
 */

/** Where to look for the cookie. */
export interface ResolveCookieOptions {
  /** The value of `-setcookie`, which wins over the file. */
  setcookie?: string;
  /** The home directory holding `.erlang.cookie`; `$HOME` when absent. */
  home?: string;
}

/** The cookie and where it came from. */
export interface ResolvedCookie {
  /** The cookie itself. */
  cookie: string;
  /** `flag` for `-setcookie`, `file` for an existing file, `created` for a file just made. */
  source: "flag" | "file" | "created";
  /** The cookie file, unless the cookie came from the flag. */
  file?: string;
}

/** A cookie that cannot be used: the node must not start. */
export class CookieError extends Error {
  /** The cookie file concerned, if any. */
  readonly file: string | undefined;
  constructor(message: string, file?: string) {
    super(message);
    this.name = "CookieError";
    this.file = file;
  }
}

const COOKIE_FILE = ".erlang.cookie";
const COOKIE_LETTERS = 20;
const OWNER_ONLY = 0o400;

/**
 * The node's cookie, following the cookie contract:
 *
 * 1. `setcookie`, when given;
 * 2. else the first line, trimmed, of `HOME/.erlang.cookie`;
 * 3. else, when that file is missing, a new random 20-letter cookie written to it with mode 0400.
 *
 * Throws a {@linkcode CookieError} when the file is readable or writable by group or others
 * (naming the file and `chmod 400`), is empty, is not a regular file, or cannot be read or made.
 *
 * @example
 * ```ts
 * import { resolveCookie } from "./cookie.ts";
 * const home = await Deno.makeTempDir();
 * try {
 *   const made = await resolveCookie({ home });
 *   console.assert(made.source === "created" && made.cookie.length === 20);
 *   const again = await resolveCookie({ home });
 *   console.assert(again.source === "file" && again.cookie === made.cookie);
 * } finally {
 *   await Deno.remove(home, { recursive: true });
 * }
 * ```
 */
export async function resolveCookie(options: ResolveCookieOptions = {}): Promise<ResolvedCookie> {
  if (options.setcookie !== undefined) {
    if (options.setcookie === "") throw new CookieError("Cannot use an empty -setcookie");
    return { cookie: options.setcookie, source: "flag" };
  }
  const home = options.home ?? Deno.env.get("HOME");
  if (home === undefined || home === "") {
    throw new CookieError(
      `Cannot find the cookie file: HOME is not set; set HOME or give -setcookie`,
    );
  }
  const file = `${home.replace(/\/+$/, "")}/${COOKIE_FILE}`;
  // A second try covers another node creating the file between our look and our create.
  for (let attempt = 0;; attempt++) {
    const existing = await readCookieFile(file);
    if (existing !== undefined) return { cookie: existing, source: "file", file };
    const made = await createCookieFile(file);
    if (made !== undefined) return { cookie: made, source: "created", file };
    if (attempt > 0) throw new CookieError(`Cannot read or create cookie file ${file}`, file);
  }
}

/** The cookie in `file`, or `undefined` when there is no such file. */
async function readCookieFile(file: string): Promise<string | undefined> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(file);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw new CookieError(`Cannot read cookie file ${file}: ${messageOf(e)}`, file);
  }
  if (!info.isFile) {
    throw new CookieError(
      `Cookie file ${file} is not a regular file: replace it with a file holding the cookie`,
      file,
    );
  }
  // The mode is null where the OS has no Unix permissions (Windows); there is nothing to check.
  if (info.mode !== null && (info.mode & 0o077) !== 0) {
    throw new CookieError(
      `Cookie file ${file} must be accessible by owner only: run chmod 400 ${file}`,
      file,
    );
  }
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (e) {
    throw new CookieError(`Cannot read cookie file ${file}: ${messageOf(e)}`, file);
  }
  const cookie = (text.split(/\r?\n/, 1)[0] ?? "").trim();
  if (cookie === "") {
    throw new CookieError(
      `Cookie file ${file} is empty: write the cookie on its first line, or give -setcookie`,
      file,
    );
  }
  return cookie;
}

/** Makes `file` with a new cookie; `undefined` when another process made it first. */
async function createCookieFile(file: string): Promise<string | undefined> {
  const cookie = randomCookie();
  try {
    await Deno.writeTextFile(file, cookie, { createNew: true, mode: OWNER_ONLY });
    // The umask applies to the mode given at creation; set it outright.
    await Deno.chmod(file, OWNER_ONLY);
  } catch (e) {
    if (e instanceof Deno.errors.AlreadyExists) return undefined;
    throw new CookieError(
      `Cannot create cookie file ${file}: ${messageOf(e)}; give -setcookie or make the ` +
        `directory writable`,
      file,
    );
  }
  return cookie;
}

/** 20 random letters A–Z, as `erl` makes for a new cookie file. */
function randomCookie(): string {
  const letters: string[] = [];
  const bytes = new Uint8Array(1);
  while (letters.length < COOKIE_LETTERS) {
    crypto.getRandomValues(bytes);
    const b = bytes[0]!;
    // 234 = 9 * 26: rejecting the rest keeps every letter equally likely.
    if (b < 234) letters.push(String.fromCharCode(65 + (b % 26)));
  }
  return letters.join("");
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
