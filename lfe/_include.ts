/**
 * `include-file` and `include-lib`: the forms of another file, read where the directive stands.
 * A file is looked for beside the including file, then in the current directory and on the code
 * path. `include-lib` finds a library's file the same way, and knows the headers programs take
 * from LFE and OTP: `lfe/include/clj.lfe`, `cl.lfe` and `scm.lfe` (the compatibility macros
 * without their module prefix) and `eunit/include/eunit.hrl` (EUnit's assertion macros). An
 * Erlang header (`.hrl`) gives its records and its constant macros.
 *
 * @module
 */

import { getCodePath } from "./loader.ts";
import { readAll } from "./reader.ts";
import type { Term } from "../runtime/mod.ts";
import { LfeCompileError } from "./compile.ts";
import { erlangHeaderForms } from "./_erlang_header.ts";

function dirOf(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const i = file.lastIndexOf("/");
  return i < 0 ? "." : file.slice(0, i) || "/";
}

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

function find(name: string, from: string | undefined): string | undefined {
  if (name.startsWith("/")) return isFile(name) ? name : undefined;
  const dirs = [dirOf(from), ".", ...getCodePath()].filter((d): d is string => d !== undefined);
  for (const d of dirs) {
    const p = `${d}/${name}`;
    if (isFile(p)) return p;
  }
  return undefined;
}

function formsOf(path: string): Term[] {
  const text = Deno.readTextFileSync(path);
  return path.endsWith(".hrl") ? erlangHeaderForms(text) : readAll(text);
}

/** The forms of `(include-file name)` in the file `from`. */
export function readIncludeFile(name: string, from: string | undefined): Term[] {
  const path = find(name, from);
  if (path === undefined) throw new LfeCompileError(`can't find include file "${name}"`);
  return formsOf(path);
}

/** The forms of `(include-lib name)` in the file `from`. */
export function includeLibForms(name: string, from: string | undefined): Term[] {
  const known = KNOWN_LIBS[name.replace(/^lfe-[^/]*\//, "lfe/")];
  if (known !== undefined) return readAll(known);
  const path = find(name, from) ?? find(name.split("/").slice(1).join("/"), from);
  if (path === undefined) throw new LfeCompileError(`can't find include lib "${name}"`);
  return formsOf(path);
}

// The macros of a module, without its prefix: (defmacro name args `(module:name ,@args)).
function delegate(module: string, names: string): string {
  return names.trim().split(/\s+/).map((n) => `(defmacro ${n} args \`(${module}:${n} ,@args))`)
    .join("\n");
}

const CLJ_NAMES = `defn defn- fn -> ->> as-> cond-> cond->> some-> some->> doto if-let iff-let
  condp if-not iff when-not not= tuple? atom? binary? bitstring? boolean? bool? float? function?
  func? integer? int? number? record? reference? map? undefined? undef? nil? true? false? odd?
  even? zero? pos? neg? identical? str`;

const CL_MACROS = `
(defmacro alivep (x) \`(is_alive))
(defmacro atomp (x) \`(is_atom ,x))
(defmacro binaryp (x) \`(is_binary ,x))
(defmacro bitstringp (x) \`(is_bitstring ,x))
(defmacro boolp (x) \`(is_boolean ,x))
(defmacro booleanp (x) \`(is_boolean ,x))
(defmacro builtinp (m f a) \`(erlang:is_builtin ,m ,f ,a))
(defmacro floatp (x) \`(is_float ,x))
(defmacro funcp args \`(is_function ,@args))
(defmacro functionp args \`(is_function ,@args))
(defmacro intp (x) \`(is_integer ,x))
(defmacro integerp (x) \`(is_integer ,x))
(defmacro listp (x) \`(is_list ,x))
(defmacro mapp (x) \`(is_map ,x))
(defmacro numberp (x) \`(is_number ,x))
(defmacro pidp (x) \`(is_pid ,x))
(defmacro portp (x) \`(is_port ,x))
(defmacro process-alive-p (p) \`(is_process_alive ,p))
(defmacro recordp args \`(is_record ,@args))
(defmacro refp (x) \`(is_reference ,x))
(defmacro referencep (x) \`(is_reference ,x))
(defmacro tuplep (x) \`(is_tuple ,x))
(defmacro vectorp (x) \`(is_tuple ,x))
(defmacro vector args \`(tuple ,@args))
(defun consp
  (((cons _ b)) (when (not (is_list b))) 'true)
  ((_) 'false))
(defmacro dolist (head . body)
  \`(lists:foreach (lambda (,(car head)) (progn ,@body)) ,(car (cdr head))))
`;

// EUnit's assertions (OTP's assert.hrl), with the same error terms; `??Expr` is the form
// printed as LFE prints it.
const EUNIT = `
(defmacro assert (bool)
  \`(case ,bool
     ('true 'ok)
     (-V- (call 'erlang 'error
            (tuple 'assert
              (list (tuple 'module (MODULE)) (tuple 'line 0)
                    (tuple 'expression ',(lists:flatten (lfe_io:print1 bool))) (tuple 'expected 'true)
                    (if (=:= -V- 'false) (tuple 'value -V-) (tuple 'not_boolean -V-))))))))
(defmacro assertNot (bool) \`(assert (not ,bool)))
(defmacro assertMatch (guard expr)
  \`(case ,expr
     (,guard 'ok)
     (-V- (call 'erlang 'error
            (tuple 'assertMatch
              (list (tuple 'module (MODULE)) (tuple 'line 0)
                    (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                    (tuple 'pattern ',(lists:flatten (lfe_io:print1 guard))) (tuple 'value -V-)))))))
(defmacro assertNotMatch (guard expr)
  \`(let ((-V- ,expr))
     (case -V-
       (,guard (call 'erlang 'error
                 (tuple 'assertNotMatch
                   (list (tuple 'module (MODULE)) (tuple 'line 0)
                         (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                         (tuple 'pattern ',(lists:flatten (lfe_io:print1 guard))) (tuple 'value -V-)))))
       (_ 'ok))))
(defmacro assertEqual (expect expr)
  \`(let ((-X- ,expect))
     (case ,expr
       (-V- (when (=:= -V- -X-)) 'ok)
       (-V- (call 'erlang 'error
              (tuple 'assertEqual
                (list (tuple 'module (MODULE)) (tuple 'line 0)
                      (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                      (tuple 'expected -X-) (tuple 'value -V-))))))))
(defmacro assertNotEqual (unexpected expr)
  \`(let ((-X- ,unexpected))
     (case ,expr
       (-V- (when (=:= -V- -X-))
         (call 'erlang 'error
           (tuple 'assertNotEqual
             (list (tuple 'module (MODULE)) (tuple 'line 0)
                   (tuple 'expression ',(lists:flatten (lfe_io:print1 expr))) (tuple 'value -V-)))))
       (_ 'ok))))
(defmacro assertException (class term expr)
  \`(try ,expr
     (case
       (-V- (call 'erlang 'error
              (tuple 'assertException
                (list (tuple 'module (MODULE)) (tuple 'line 0)
                      (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                      (tuple 'pattern ',(lists:flatten (lfe_io:print1 (list class term '_))))
                      (tuple 'unexpected_success -V-))))))
     (catch
       ((tuple ,class ,term _) 'ok)
       ((tuple -C- -T- -S-)
        (call 'erlang 'error
          (tuple 'assertException
            (list (tuple 'module (MODULE)) (tuple 'line 0)
                  (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                  (tuple 'pattern ',(lists:flatten (lfe_io:print1 (list class term '_))))
                  (tuple 'unexpected_exception (tuple -C- -T- -S-)))))))))
(defmacro assertError (term expr) \`(assertException 'error ,term ,expr))
(defmacro assertExit (term expr) \`(assertException 'exit ,term ,expr))
(defmacro assertThrow (term expr) \`(assertException 'throw ,term ,expr))
(defmacro assertNotException (class term expr)
  \`(try ,expr
     (case (_ 'ok))
     (catch
       ((tuple -C- -T- -S-)
        (case (tuple -C- -T-)
          ((tuple ,class ,term)
           (call 'erlang 'error
             (tuple 'assertNotException
               (list (tuple 'module (MODULE)) (tuple 'line 0)
                     (tuple 'expression ',(lists:flatten (lfe_io:print1 expr)))
                     (tuple 'pattern ',(lists:flatten (lfe_io:print1 (list class term '_))))
                     (tuple 'unexpected_exception (tuple -C- -T- -S-))))))
          (_ 'ok))))))
(defmacro _test (expr) \`(tuple 0 (lambda () ,expr)))
(defmacro _assert (bool) \`(_test (assert ,bool)))
(defmacro _assertNot (bool) \`(_test (assertNot ,bool)))
(defmacro _assertMatch (guard expr) \`(_test (assertMatch ,guard ,expr)))
(defmacro _assertNotMatch (guard expr) \`(_test (assertNotMatch ,guard ,expr)))
(defmacro _assertEqual (expect expr) \`(_test (assertEqual ,expect ,expr)))
(defmacro _assertNotEqual (u expr) \`(_test (assertNotEqual ,u ,expr)))
(defmacro _assertException (c t expr) \`(_test (assertException ,c ,t ,expr)))
(defmacro _assertError (t expr) \`(_test (assertError ,t ,expr)))
(defmacro _assertExit (t expr) \`(_test (assertExit ,t ,expr)))
(defmacro _assertThrow (t expr) \`(_test (assertThrow ,t ,expr)))
(defmacro _assertNotException (c t expr) \`(_test (assertNotException ,c ,t ,expr)))
`;

const KNOWN_LIBS: Record<string, string> = {
  "lfe/include/clj.lfe": delegate("clj", CLJ_NAMES),
  "lfe/include/scm.lfe": delegate("scm", "begin define define-syntax let-syntax defsyntax"),
  "lfe/include/cl.lfe": CL_MACROS,
  "eunit/include/eunit.hrl": EUNIT,
  "stdlib/include/assert.hrl": EUNIT,
};
