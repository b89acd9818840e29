/**
 * Registers the data-structure and text modules of OTP's standard library: `queue`,
 * `ordsets`, `orddict`, `sets`, `dict`,
 * `re`, `filename`, `binary`, `gb_trees`, `gb_sets`, `os`, `array`, `base64`, `calendar`, `unicode`, `ets`, `logger`, `code` and `file`.
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { BASE64 } from "./base64.ts";
import { CRYPTO } from "./crypto.ts";
import { ERL_SCAN } from "./erl_scan.ts";
import { ERL_PARSE } from "./erl_parse.ts";
import { ERL_EVAL } from "./erl_eval.ts";
import { BINARY } from "./binary.ts";
import { CALENDAR } from "./calendar.ts";
import { DICT } from "./dict.ts";
import { ETS, ETS_MAY_WAIT } from "./ets.ts";
import { ERROR_LOGGER, LOGGER, LOGGER_STD_H } from "./logger.ts";
import { CODE } from "./code.ts";
import { FILE } from "./file.ts";
import { GEN_NATIVE } from "./gen_native.ts";
import { markMayWait } from "../../runtime/call.ts";
import { FILENAME } from "./filename.ts";
import { ARRAY } from "./array.ts";
import { GB_SETS } from "./gb_sets.ts";
import { GB_TREES } from "./gb_trees.ts";
import { ORDDICT } from "./orddict.ts";
import { OS } from "./os.ts";
import { ORDSETS } from "./ordsets.ts";
import { QUEUE } from "./queue.ts";
import { RE } from "./re.ts";
import { SETS } from "./sets.ts";
import { UNICODE } from "./unicode.ts";

/** Defines the modules. */
export function registerStdlibModules(): void {
  defineModule("queue", QUEUE);
  defineModule("ordsets", ORDSETS);
  defineModule("orddict", ORDDICT);
  defineModule("sets", SETS);
  defineModule("dict", DICT);
  defineModule("re", RE);
  defineModule("filename", FILENAME);
  defineModule("binary", BINARY);
  defineModule("gb_trees", GB_TREES);
  defineModule("gb_sets", GB_SETS);
  defineModule("os", OS);
  defineModule("array", ARRAY);
  defineModule("base64", BASE64);
  defineModule("crypto", CRYPTO);
  defineModule("erl_scan", ERL_SCAN);
  defineModule("erl_parse", ERL_PARSE);
  defineModule("erl_eval", ERL_EVAL);
  defineModule("calendar", CALENDAR);
  defineModule("unicode", UNICODE);
  for (const f of ETS_MAY_WAIT) markMayWait(f);
  defineModule("ets", ETS);
  defineModule("logger", LOGGER);
  defineModule("logger_std_h", LOGGER_STD_H);
  defineModule("error_logger", ERROR_LOGGER);
  defineModule("code", CODE);
  defineModule("file", FILE);
  defineModule("gen_native", GEN_NATIVE);
}
