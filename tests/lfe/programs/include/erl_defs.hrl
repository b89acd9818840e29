%% An Erlang header: records and constant macros, as OTP programs share them.
-record(point, {x = 0, y = 0 :: integer(), label}).
-record(box, {corner = {0, 0}, size = 10, tags = [], name = "box"}).
-define(LIMIT, 100).
-define(GREETING, "hello").
-define(ORIGIN, {0, 0}).
