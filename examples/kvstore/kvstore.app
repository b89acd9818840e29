%% A supervised key-value store: an ets table kept by a gen_server, under a supervisor.
{application, kvstore,
 [{description, "Supervised key-value store"},
  {vsn, "1.0.0"},
  {modules, [kvstore, kvstore_app, kvstore_sup]},
  {registered, [kvstore, kvstore_sup]},
  {applications, [kernel, stdlib]},
  {mod, {kvstore_app, []}},
  {env, [{table, kvstore_table}]}]}.
