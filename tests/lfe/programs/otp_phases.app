%% An application of otp_app_phases.lfe started by application_starter: its start
%% phases run for it and for the application it includes.
{application, otp_phases,
 [{description, "start phases"}, {vsn, "1"}, {modules, [otp_app_phases]},
  {registered, []}, {applications, [kernel, stdlib]},
  {included_applications, [otp_phases_inc]},
  {start_phases, [{one, [a]}, {two, [b]}]},
  {mod, {application_starter, [otp_app_phases, x]}}, {env, []}]}.
