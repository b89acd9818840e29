%% An application whose start/2 fails (otp_app_phases.lfe).
{application, otp_phases_nostart,
 [{description, "no start"}, {vsn, "1"}, {modules, [otp_app_phases_nostart]},
  {mod, {otp_app_phases_nostart, w}}, {applications, [kernel]}]}.
