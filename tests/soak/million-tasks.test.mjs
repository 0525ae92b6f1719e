// The package on 10^6 tasks (make soak; too long for make test): right
// decisions at sampled positions and the right plan split, within generous
// time and memory bounds that a hang or a per-task leak would break.
// Figures are printed as `FIGURE name value` lines.
// Runs against the scratch project that scripts/test-package.sh installs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertStillAnswers, task } from "../package/hostile.mjs";
import { importEsm } from "../package/scratch-project.mjs";
import { deadline } from "../deadline.mjs";

const api = await importEsm();
const figure = (name, value) => console.log(`FIGURE ${name} ${value}`);

const MILLION = 1_000_000;
const STATUSES = ["CREATING", "INCRE_TRANSFER_FAILED", "DELETED", "PAUSED", "NO_SUCH_STATUS"];
const millionTasks = () => Array.from({ length: MILLION }, (_, i) => task({ id: `t${i}`, status: STATUSES[i % STATUSES.length] }));
const SAMPLES = [0, 1, 2, 3, 4, 123_457, 500_000, MILLION - 1];

test("evaluateStops on 10^6 tasks: right decisions at sampled positions, in bounded time and memory", () => {
  const tasks = millionTasks();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const decisions = api.evaluateStops(tasks);
  const ms = performance.now() - start;
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  assert.equal(decisions.length, MILLION);
  for (const i of SAMPLES) {
    assert.equal(decisions[i].id, `t${i}`);
    assert.deepEqual(decisions[i], { ...api.evaluateStop(tasks[i]) }, `decision ${i}`);
  }
  figure("evaluate_stops_1e6_ms", ms.toFixed(0));
  figure("evaluate_stops_1e6_ns_per_task", ((ms * 1e6) / MILLION).toFixed(0));
  figure("evaluate_stops_1e6_rss_growth_mib", (rssGrowth / 2 ** 20).toFixed(0));
  // Generous bounds for a loaded 2-core machine: a hang or a per-task leak is what they catch.
  assert.ok(ms < deadline(60_000), `${ms} ms`);
  assert.ok(rssGrowth < 2 * 2 ** 30, `${rssGrowth} bytes`);
  assertStillAnswers(api);
});

test("planStop on 10^6 tasks with unique ids: right split and request, in bounded time and memory", () => {
  const tasks = millionTasks();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const plan = api.planStop({ tasks, force: "auto" });
  const ms = performance.now() - start;
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  // Stoppable: CREATING (normal), INCRE_TRANSFER_FAILED (force), PAUSED (normal); 3 of every 5.
  assert.equal(plan.accepted.length, (MILLION / 5) * 3);
  assert.equal(plan.rejected.length, (MILLION / 5) * 2);
  assert.equal(plan.request.jobs.length, plan.accepted.length);
  assert.deepEqual(plan.accepted.slice(0, 3), [{ id: "t0", mode: "normal" }, { id: "t1", mode: "force" }, { id: "t3", mode: "normal" }]);
  assert.deepEqual(plan.request.jobs.at(-1), { delete_type: "terminate", job_id: "t999998" });
  assert.deepEqual(plan.rejected.slice(0, 2).map((r) => [r.id, r.code]), [["t2", "DELETED"], ["t4", "UNKNOWN_STATUS"]]);
  assert.deepEqual(plan.rejected.at(-1).id, "t999999");
  figure("plan_stop_1e6_ms", ms.toFixed(0));
  figure("plan_stop_1e6_rss_growth_mib", (rssGrowth / 2 ** 20).toFixed(0));
  assert.ok(ms < deadline(120_000), `${ms} ms`);
  assert.ok(rssGrowth < 3 * 2 ** 30, `${rssGrowth} bytes`);
  assertStillAnswers(api);
});

