/** The worker entry of the `workers` benchmarks: their module, then serve as a scheduler. */
import { serveScheduler } from "../runtime/mod.ts";
import "./_workers_mod.ts";

serveScheduler();
