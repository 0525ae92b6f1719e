// Load generator for drs-console-server (loopback only): N concurrent clients
// mix GET jobs (every kind filter), POST batch-status and DELETE batch-jobs
// (terminate / force_terminate / delete on random tasks, repeats included)
// for a given time. Then it checks that no update was lost or doubled:
//   - every task ends in exactly one legal status: RELEASE_RESOURCE_COMPLETE
//     after an accepted stop (once the stop delay has passed), DELETED after
//     an accepted delete, otherwise the status it started with;
//   - each task's stop was accepted at most once, deleted at most once, and
//     only when the rules (pkg/inline) allowed it on the task as it was;
//   - the accepted stops are exactly the tasks that are stopped;
//   - no 5xx, no unexpected status code.
// Writes target/load/results.json (requests/s, p50/p99/max latency per
// endpoint, the checks) and prints it. Exits 1 when an invariant is violated.
//
// Usage: CONSOLE_URL=http://127.0.0.1:PORT/ node tests/load/load.mjs <seconds> <clients> <stop-delay-ms>
import { mkdirSync, writeFileSync } from "node:fs";
import { rules } from "./rules.mjs";

const base = new URL(process.env.CONSOLE_URL ?? "");
if (base.hostname !== "127.0.0.1") throw new Error(`CONSOLE_URL must be on 127.0.0.1, got ${base}`);
const [seconds = 30, clients = 50, stopDelayMs = 200] = process.argv.slice(2).map(Number);
const PROJECT = process.env.CONSOLE_PROJECT ?? "load";
const TOKEN = process.env.CONSOLE_TOKEN ?? "";
const MAX_REQUESTS_PER_CLIENT = 1_000_000; // a bound besides the deadline
const REQUEST_TIMEOUT_MS = 10_000;
const STOPPED = "RELEASE_RESOURCE_COMPLETE";

const latencies = { "GET jobs": [], "POST batch-status": [], "DELETE batch-jobs": [] };
const problems = [];
const statusCounts = {};
let serverErrors = 0;

/** One request; returns the parsed JSON body. Records latency and status. */
async function call(endpoint, method, path, body, expectStatus) {
  const start = performance.now();
  const response = await fetch(new URL(path, base), {
    method,
    headers: { "X-Auth-Token": TOKEN, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  latencies[endpoint].push(performance.now() - start);
  const key = `${endpoint} ${response.status}`;
  statusCounts[key] = (statusCounts[key] ?? 0) + 1;
  if (response.status >= 500) serverErrors += 1;
  if (response.status !== expectStatus) problems.push(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

const listJobs = (kind = "") => call("GET jobs", "GET", `/v3/${PROJECT}/jobs${kind ? `?db_use_type=${kind}` : ""}`, undefined, 200);
const batchStatus = (ids) => call("POST batch-status", "POST", `/v3/${PROJECT}/jobs/batch-status`, { jobs: ids }, 200);
const batchJobs = (jobs) => call("DELETE batch-jobs", "DELETE", `/v3/${PROJECT}/jobs/batch-jobs`, { jobs }, 202);

const initial = (await listJobs()).jobs;
const byId = new Map(initial.map((task) => [task.id, task]));
const ids = [...byId.keys()];
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const some = (n) => Array.from({ length: 1 + Math.floor(Math.random() * n) }, () => pick(ids));

/** What the server accepted, per task. */
const acceptedStops = new Map(); // id -> [delete_type, ...]
const acceptedDeletes = new Map(); // id -> count
const note = (map, id, value) => map.set(id, [...(map.get(id) ?? []), value]);

async function client(deadline) {
  for (let n = 0; n < MAX_REQUESTS_PER_CLIENT && performance.now() < deadline; n++) {
    const roll = Math.random();
    if (roll < 0.4) {
      await listJobs(pick(["", "migration", "sync", "cloudDataGuard"]));
    } else if (roll < 0.7) {
      const asked = [...some(5), ...(Math.random() < 0.1 ? ["no-such-task"] : [])];
      const { results } = await batchStatus(asked);
      if (results?.length !== asked.length) problems.push(`batch-status: ${results?.length} results for ${asked.length} ids`);
    } else {
      // Mostly stops; deletes often enough to delete stopped tasks during the run.
      const jobs = some(3).map((id) => ({ job_id: id, delete_type: pick(["terminate", "force_terminate", "terminate", "force_terminate", "delete"]) }));
      if (Math.random() < 0.2) jobs.push({ ...jobs[0] }); // the same job twice in one request
      const { results } = await batchJobs(jobs);
      if (results?.length !== jobs.length) {
        problems.push(`batch-jobs: ${results?.length} results for ${jobs.length} jobs`);
        continue;
      }
      results.forEach((result, i) => {
        if (result.id !== jobs[i].job_id) problems.push(`batch-jobs: result ${i} is for ${result.id}, not ${jobs[i].job_id}`);
        if (result.status !== "success") return;
        if (jobs[i].delete_type === "delete") note(acceptedDeletes, result.id, true);
        else note(acceptedStops, result.id, jobs[i].delete_type);
      });
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, () => client(started + seconds * 1000).catch((error) => problems.push(`client: ${error}`))));
const elapsedS = (performance.now() - started) / 1000;

// Let every accepted stop complete, then read the final state both ways.
await new Promise((resolve) => setTimeout(resolve, stopDelayMs + 500));
const listed = new Map((await listJobs()).jobs.map((task) => [task.id, task.status]));
const final = new Map((await batchStatus(ids)).results.map((result) => [result.id, result.status ?? result.error_code]));

const violations = [...problems];
const violate = (text) => violations.length < 200 && violations.push(text);
let stoppedTasks = 0;
for (const id of ids) {
  const start = byId.get(id);
  const stops = acceptedStops.get(id) ?? [];
  const deletes = acceptedDeletes.get(id) ?? [];
  const status = final.get(id);
  if (stops.length > 1) violate(`${id}: stop accepted ${stops.length} times`);
  if (deletes.length > 1) violate(`${id}: delete accepted ${deletes.length} times`);
  if (stops.length > 0) {
    // The status only changes through a stop, so the rules must have allowed this mode on the starting snapshot.
    const mode = stops[0] === "terminate" ? "normal" : "force";
    if (!rules.evaluateStop(start).modes[mode].available) violate(`${id}: ${stops[0]} accepted from ${start.status}, which the rules refuse`);
  }
  // Whether a task may be deleted is the package's decision (the crate's delete rule), never written here.
  const deletableAtStart = rules.evaluateStop(start).delete.available;
  if (deletes.length > 0 && stops.length === 0 && !deletableAtStart) violate(`${id}: deleted from ${start.status}, which the rules refuse`);
  const expected = deletes.length > 0 ? "DELETED" : stops.length > 0 ? STOPPED : start.status;
  if (status !== expected) violate(`${id}: ends ${status}, expected ${expected} (stops ${stops}, deletes ${deletes.length}, started ${start.status})`);
  if (deletes.length > 0 ? listed.has(id) : listed.get(id) !== expected) violate(`${id}: listed as ${listed.get(id)}, expected ${expected}`);
  // Observed from the server's state alone: stopped now, or deleted from a status only a stop makes deletable.
  if ((status === STOPPED && start.status !== STOPPED) || (status === "DELETED" && start.status !== "DELETED" && !deletableAtStart)) stoppedTasks += 1;
}
const acceptedStopCount = [...acceptedStops.values()].reduce((sum, stops) => sum + stops.length, 0);
if (acceptedStopCount !== stoppedTasks) violate(`${acceptedStopCount} stops accepted, but ${stoppedTasks} tasks were stopped`);
if (serverErrors > 0) violate(`${serverErrors} responses with a 5xx status`);

const round = (value) => Math.round(value * 10) / 10;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const endpoints = Object.fromEntries(
  Object.entries(latencies).map(([name, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [name, { requests: values.length, requests_per_s: round(values.length / elapsedS), p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? 0) }];
  }),
);
const total = Object.values(latencies).reduce((sum, values) => sum + values.length, 0);
const results = {
  load: {
    seconds: round(elapsedS),
    server_build: process.env.LOAD_PROFILE ?? "release",
    clients,
    stop_delay_ms: stopDelayMs,
    tasks: ids.length,
    requests: total,
    requests_per_s: round(total / elapsedS),
    endpoints,
    status_codes: statusCounts,
    accepted_stops: acceptedStopCount,
    stopped_tasks: stoppedTasks,
    accepted_deletes: [...acceptedDeletes.values()].reduce((sum, d) => sum + d.length, 0),
    server_errors: serverErrors,
    violations,
    ok: violations.length === 0,
  },
  node: process.version,
  measured_at: new Date().toISOString(),
};
mkdirSync("target/load", { recursive: true });
writeFileSync("target/load/results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
process.exit(violations.length === 0 ? 0 : 1); // idle keep-alive connections would hold Node open
