/** The worker entry of the probe nodes: their module, then serve as a scheduler. */
import { serveScheduler } from "../../runtime/mod.ts";
import "./_probe_mod.ts";

serveScheduler();
