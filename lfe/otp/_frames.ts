/**
 * How the frames of the OTP modules the node carries in LFE show in stack traces: as the
 * functions of OTP 25's own modules that do the same work, with OTP's file and line
 * (`gen_server:try_handle_call/4` in `gen_server.erl`, line 1149), or not at all where OTP has
 * no such frame. A program that prints a trace sees what it would see on BEAM.
 *
 * @module
 */

type Frame = readonly [string, number, string, number];
type Alias = Frame | readonly Frame[] | null;
type Entry = readonly [string, number, number];

function otp(module: string, entries: Record<string, Entry | readonly Entry[] | null>) {
  const out: Record<string, Alias> = {};
  const frame = (v: Entry): Frame => [v[0], v[1], `${module}.erl`, v[2]];
  for (const [k, v] of Object.entries(entries)) {
    out[`${module}:${k}`] = v === null
      ? null
      : Array.isArray(v[0])
      ? (v as readonly Entry[]).map(frame)
      : frame(v as Entry);
  }
  return out;
}

/** Each function's frame by `module:function/arity`. */
export const OTP_FRAMES: Readonly<Record<string, Alias>> = {
  ...otp("gen_server", {
    "call/2": ["call", 2, 370],
    "call/3": ["call", 3, 385],
    "init-it/2": ["init_it", 2, 851],
    "init_it/6": ["init_it", 6, 814],
    "try_handle_call/4": ["try_handle_call", 4, 1149],
    "try_dispatch/4": ["try_dispatch", 4, 1123],
    "try_handle_continue/3": ["try_dispatch", 4, 1123],
    "handle_msg/6": ["handle_msg", 6, 1178],
    "handle-call-result/8": ["handle_msg", 6, 1178],
    // The server's loop answers a call itself: a trace from its callback shows both.
    "loop/6": [["try_handle_call", 4, 1149], ["handle_msg", 6, 1178]],
    "loop-after/6": ["loop", 7, 865],
    "terminate-with/10": ["terminate", 10, 1230],
    "try_terminate/3": ["try_terminate", 3, 1239],
  }),
  ...otp("gen", {
    "do-spawn/6": ["do_spawn", 6, 79],
  }),
  ...otp("proc_lib", {
    "init_p/3": ["init_p", 3, 211],
    "init_p_do_apply/3": ["init_p_do_apply", 3, 240],
    "exit-p/3": null,
    "crash-report/4": null,
    "sync-start/2": ["sync_start", 2, 294],
  }),
  ...otp("gen_statem", {
    "call-it/3": ["call_dirty", 4, 900],
    "call-state-fun/3": ["loop_state_callback", 11, 1426],
    "handle-event/3": null,
    "enter-state/2": null,
    "handle-result/5": null,
    "transition/7": null,
  }),
  ...otp("gen_event", {
    "call1/5": ["call1", 3, 469],
    "notify-one/5": ["server_update", 4, 802],
    "server-notify/5": ["server_notify", 4, 784],
    "handle-msg/5": ["handle_msg", 6, 529],
    "call-handler/4": ["server_call_update", 2, 857],
  }),
  ...otp("application_master", {
    "init/4": ["init", 4, 142],
  }),
  ...otp("sys", {
    "send-system-msg/3": ["send_system_msg", 2, 338],
  }),
};
