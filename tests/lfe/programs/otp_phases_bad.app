%% A start phase that fails (otp_app_phases.lfe).
{application, otp_phases_bad,
 [{description, "bad phase"}, {vsn, "1"}, {modules, [otp_app_phases_bad]},
  {start_phases, [{one, [a]}]}, {mod, {otp_app_phases_bad, z}},
  {applications, [kernel]}]}.
