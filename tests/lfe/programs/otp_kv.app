%% The application of otp_application.lfe: its callback module, supervisor and
%% store are in that file.
{application, otp_kv,
 [{description, "A key-value store for the OTP programs"},
  {vsn, "1.0.0"},
  {modules, [otp_kv_app, otp_kv_sup, otp_kv_store]},
  {registered, [otp_kv_sup, otp_kv_store]},
  {applications, [kernel, stdlib]},
  {mod, {otp_kv_app, [from_app_file]}},
  {env, [{port, 4000}, {mode, fast}, {limits, #{keys => 100}}]}]}.
