%% Included by otp_phases.app: loaded with it, never started by itself; its phase two
%% runs when otp_phases runs its own.
{application, otp_phases_inc,
 [{description, "included"}, {vsn, "1"}, {modules, [otp_app_phases_inc]},
  {start_phases, [{two, [c]}]}, {mod, {otp_app_phases_inc, y}},
  {applications, [kernel]}]}.
