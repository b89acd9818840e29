/** The worker entry of the scheduler tests: the test module, then serve. */
import { serveScheduler } from "../../runtime/mod.ts";
import "./_mod.ts";

serveScheduler();
