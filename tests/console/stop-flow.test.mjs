// Stops end to end: the request the page sends is the package's plan, the
// per-task results are shown, and the table follows the task until it is
// stopped. Batch stops summarise the plan first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, apiTasks, apiHeaders, findTask, plain, row, rules, assertNoErrors, PROJECT, BASE } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const STOPPED = "RELEASE_RESOURCE_COMPLETE";

async function waitForLabel(page, task, status) {
  const label = rules.statusLabel(task.db_use_type, status, "en-us");
  await row(page, task.id).locator(".badge-label").filter({ hasText: label }).waitFor({ timeout: 15_000 });
  assert.equal(await row(page, task.id).locator(".badge-label").textContent(), label);
}

async function stopOne(page, task, force) {
  await row(page, task.id).locator('[data-action="stop"]').click();
  const dialog = page.locator('[role="dialog"]');
  await dialog.locator('input[name="force"]').setChecked(force);
  const sent = page.waitForRequest((request) => request.method() === "DELETE" && request.url().endsWith("/jobs/batch-jobs"));
  await dialog.locator('[data-action="confirm"]').click();
  const request = await sent;
  await dialog.waitFor({ state: "detached" });
  return request.postDataJSON();
}

for (const [title, status, force] of [
  ["a normal stop of a healthy task", "FULL_TRANSFER_STARTED", false],
  ["a forced stop of an abnormal task", "INCRE_TRANSFER_FAILED", true],
]) {
  test(`${title} runs end to end`, async () => {
    const { page, errors } = await openConsole(browser, "sync");
    const task = await findTask("sync", (t) => t.status === status && plain(t));
    const body = await stopOne(page, task, force);
    assert.deepEqual(body, rules.planStop({ tasks: [task], force }).request);
    assert.equal(body.jobs[0].delete_type, force ? "force_terminate" : "terminate");

    const result = page.locator(`[data-result-id="${task.id}"]`);
    await result.waitFor();
    assert.equal(await result.getAttribute("data-result-status"), "success");
    await waitForLabel(page, task, STOPPED);
    const stop = row(page, task.id).locator('[data-action="stop"]');
    assert.equal(await stop.isDisabled(), true);
    assert.equal(await stop.getAttribute("title"), rules.evaluateStop({ ...task, status: STOPPED }).blocked.message);
    assertNoErrors(errors);
    await page.close();
  });
}

test("a stop the backend refuses shows its code and message, and the row then shows the task as it is", async () => {
  // Refreshing every second: the row must catch up with the backend without a click.
  const { page, errors } = await openConsole(browser, "migration", { refresh: 1 });
  const task = await findTask("migration", (t) => t.status === "CHILD_TRANSFER_STARTED" && plain(t));
  await row(page, task.id).locator('[data-action="stop"]').click();
  // Someone else stops the task while the dialog is open: the page's snapshot is stale.
  const response = await fetch(new URL(`/v3/${PROJECT}/jobs/batch-jobs`, BASE), {
    method: "DELETE",
    headers: { "Content-Type": "application/json", ...apiHeaders() },
    body: JSON.stringify({ jobs: [{ delete_type: "terminate", job_id: task.id }] }),
  });
  assert.equal((await response.json()).results[0].status, "success");
  await page.locator('[role="dialog"] [data-action="confirm"]').click();
  const result = page.locator(`[data-result-id="${task.id}"]`);
  await result.waitFor();
  assert.equal(await result.getAttribute("data-result-status"), "failed");
  // Still stopping, or already stopped if the backend finished first: its code and message are the rules'.
  const code = await result.locator("[data-error-code]").textContent();
  const status = { ALREADY_STOPPING: "RELEASE_RESOURCE_STARTED", ALREADY_STOPPED: "RELEASE_RESOURCE_COMPLETE" }[code];
  assert.ok(status, `refused with ${code}`);
  assert.equal(await result.locator("[data-error-message]").textContent(), rules.evaluateStop({ ...task, status }).blocked.message);
  await waitForLabel(page, task, STOPPED);
  assertNoErrors(errors);
  await page.close();
});

test("a batch stop summarises the plan (normal, forced, not stoppable) and stops the accepted tasks", async () => {
  const { page, errors } = await openConsole(browser, "cloudDataGuard");
  const kind = "cloudDataGuard";
  const tasks = [
    await findTask(kind, (t) => t.status === "INCRE_TRANSFER_STARTED" && plain(t)),
    await findTask(kind, (t) => t.status === "FULL_TRANSFER_FAILED"),
    await findTask(kind, (t) => t.status === "RELEASE_RESOURCE_COMPLETE"),
    await findTask(kind, (t) => t.status === "WAITING_FOR_START"),
    await findTask(kind, (t) => t.is_parent && !t.multi_write),
  ];
  for (const task of tasks) await row(page, task.id).locator("[data-select]").check();
  assert.equal(await page.locator("[data-table-selected]").textContent(), "5 selected");
  await page.click('[data-action="batch-stop"]');
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();

  // The page plans the selection in table order.
  const chosen = new Set(tasks.map((task) => task.id));
  const selection = (await apiTasks(kind)).filter((task) => chosen.has(task.id));
  const plan = rules.planStop({ tasks: selection, force: "auto" });
  assert.doesNotMatch(await dialog.textContent(), /\b(null|undefined)\b/);
  const ids = (group) => dialog.locator(`[data-batch-group="${group}"] li`).evaluateAll((items) => items.map((li) => li.dataset.taskId));
  assert.deepEqual(await ids("normal"), plan.accepted.filter((a) => a.mode === "normal").map((a) => a.id));
  assert.deepEqual(await ids("force"), plan.accepted.filter((a) => a.mode === "force").map((a) => a.id));
  assert.deepEqual(await ids("rejected"), plan.rejected.map((r) => r.id));
  assert.deepEqual(await ids("normal"), [tasks[0].id]);
  assert.deepEqual(await ids("force"), [tasks[1].id]);
  const reasons = await dialog.locator('[data-batch-group="rejected"] li').evaluateAll((items) =>
    items.map((li) => ({ code: li.querySelector("[data-code]").dataset.code, text: li.querySelector(".reject-reason").textContent })));
  assert.deepEqual(reasons.map((r) => r.code), plan.rejected.map((r) => r.code));
  assert.deepEqual([...reasons.map((r) => r.code)].sort(), ["ALREADY_STOPPED", "NOT_STOPPABLE_IN_STATUS", "PARENT_TASK"]);
  for (const [i, rejected] of plan.rejected.entries()) assert.ok(reasons[i].text.includes(rejected.message));

  const sent = page.waitForRequest((request) => request.method() === "DELETE");
  await dialog.locator('[data-action="confirm"]').click();
  assert.deepEqual((await sent).postDataJSON(), plan.request);
  await page.locator(`[data-result-id="${tasks[1].id}"]`).waitFor();
  // Every task of the batch is accounted for: the accepted ones, then the ones the plan did not send, with their codes.
  assert.deepEqual(
    await page.locator("[data-result-id]").evaluateAll((items) => items.map((li) => [li.dataset.resultId, li.dataset.resultStatus])),
    [...plan.accepted.map((accepted) => [accepted.id, "success"]), ...plan.rejected.map((rejected) => [rejected.id, "not-sent"])],
  );
  assert.deepEqual(
    await page.locator('[data-result-status="not-sent"] [data-error-code]').allTextContents(),
    plan.rejected.map((rejected) => rejected.code),
  );
  await waitForLabel(page, tasks[0], STOPPED);
  await waitForLabel(page, tasks[1], STOPPED);
  assertNoErrors(errors);
  await page.close();
});
