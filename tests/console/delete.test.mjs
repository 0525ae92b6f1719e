// The row's other button: Delete is enabled exactly when the package's
// decision says `delete.available`, says why not on hover and on focus,
// asks for confirmation, and the row goes once the backend deleted the task.
// Batch delete sends planDelete's request and lists what it did not send.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, apiTasks, findTask, row, rules, assertNoErrors, KINDS, waitForRows, startServer, watchFocus } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function deleteStates(page) {
  return page.$$eval("tr[data-task-id]", (rows) => rows.map((tr) => {
    const button = tr.querySelector('[data-action="delete"]');
    const describedBy = button.getAttribute("aria-describedby");
    return {
      id: tr.dataset.taskId,
      disabled: button.disabled,
      title: button.getAttribute("title"),
      description: describedBy ? document.getElementById(describedBy)?.textContent ?? null : null,
      code: describedBy ? document.getElementById(describedBy)?.dataset.blockedCode ?? null : null,
    };
  }));
}

test("Delete button state of every seeded row equals decision.delete, in all three tabs", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  for (const kind of KINDS) {
    await page.click(`[data-kind-tab="${kind}"]`);
    const tasks = await apiTasks(kind);
    await waitForRows(page, tasks);
    const decisions = rules.evaluateStops(tasks);
    assert.ok(decisions.some((d) => d.delete.available) && decisions.some((d) => !d.delete.available), `${kind}: both states seeded`);
    assert.deepEqual(await deleteStates(page), decisions.map((d, i) => d.delete.available
      ? { id: tasks[i].id, disabled: false, title: null, description: null, code: null }
      : { id: tasks[i].id, disabled: true, title: d.delete.blocked.message, description: d.delete.blocked.message, code: d.delete.blocked.code }));
  }
  assertNoErrors(errors);
  await page.close();
});

test("the reason of a disabled Delete shows on hover and on keyboard focus", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const running = await findTask("migration", (t) => rules.evaluateStop(t).delete.blocked?.code === "STOP_FIRST");
  const tip = row(page, running.id).locator('[data-why="delete"] + [role="tooltip"]');
  await row(page, running.id).locator('[data-why="delete"]').focus();
  assert.equal(await tip.isVisible(), true);
  assert.equal(await tip.textContent(), rules.evaluateStop(running).delete.blocked.message);
  await page.keyboard.press("Escape");
  assert.equal(await tip.isVisible(), false);
  await row(page, running.id).locator('[data-action="details"]').focus();
  await row(page, running.id).locator('[data-why="delete"]').hover();
  assert.equal(await tip.isVisible(), true);
  assertNoErrors(errors);
  await page.close();
});

test("deleting a stopped task: a confirmation, the plan's request, the row disappears, focus never on <body>", async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const { page, errors } = await openConsole(browser, "sync", {}, { server });
  const task = await findTask("sync", (t) => rules.evaluateStop(t).delete.available, server);
  const rowsBefore = await page.locator("tr[data-task-id]").count();
  await row(page, task.id).locator('[data-action="delete"]').focus();
  const focus = await watchFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  assert.equal(await dialog.locator('[data-field="name"]').textContent(), task.name);
  const sent = page.waitForRequest((request) => request.method() === "DELETE");
  await dialog.locator('[data-action="confirm"]').focus();
  await page.keyboard.press("Enter");
  const request = await sent;
  assert.deepEqual(request.postDataJSON(), rules.planDelete({ tasks: [task] }).request);
  await dialog.waitFor({ state: "detached" });
  await row(page, task.id).waitFor({ state: "detached" });
  assert.equal(await page.locator("tr[data-task-id]").count(), rowsBefore - 1);
  assert.equal(await page.locator(`[data-result-id="${task.id}"]`).getAttribute("data-result-status"), "success");
  assert.equal(await page.evaluate(() => document.activeElement?.matches("[data-results]")), true);
  assert.deepEqual(await focus.read(), []);
  assert.equal((await apiTasks("sync", server)).some((t) => t.id === task.id), false, "the backend deleted it");
  assertNoErrors(errors);
  await page.close();
});

test("a batch delete sends planDelete's request and lists every task it did not send, with its reason", async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const kind = "migration";
  const { page, errors } = await openConsole(browser, kind, {}, { server });
  const tasks = await apiTasks(kind, server);
  const deletable = tasks.filter((t) => rules.evaluateStop(t).delete.available).slice(0, 2);
  const refused = tasks.filter((t) => !rules.evaluateStop(t).delete.available).slice(0, 3);
  assert.equal(deletable.length, 2);
  for (const task of [...deletable, ...refused]) await row(page, task.id).locator("[data-select]").check();
  await page.click('[data-action="batch-delete"]');
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  const chosen = new Set([...deletable, ...refused].map((task) => task.id));
  const plan = rules.planDelete({ tasks: tasks.filter((task) => chosen.has(task.id)) });
  const ids = (group) => dialog.locator(`[data-batch-group="${group}"] li`).evaluateAll((items) => items.map((li) => li.dataset.taskId));
  assert.deepEqual(await ids("delete"), plan.accepted.map((a) => a.id));
  assert.deepEqual(await ids("rejected"), plan.rejected.map((r) => r.id));
  assert.deepEqual(await dialog.locator('[data-batch-group="rejected"] [data-code]').evaluateAll((nodes) => nodes.map((n) => n.dataset.code)),
    plan.rejected.map((r) => r.code));
  const sent = page.waitForRequest((request) => request.method() === "DELETE");
  await dialog.locator('[data-action="confirm"]').click();
  assert.deepEqual((await sent).postDataJSON(), plan.request);
  await page.locator(`[data-result-id="${refused[0].id}"]`).waitFor();
  assert.deepEqual(
    await page.locator("[data-result-id]").evaluateAll((items) => items.map((li) => [li.dataset.resultId, li.dataset.resultStatus])),
    [...plan.accepted.map((a) => [a.id, "success"]), ...plan.rejected.map((r) => [r.id, "not-sent"])]);
  for (const task of deletable) await row(page, task.id).waitFor({ state: "detached" });
  for (const task of refused) assert.equal(await row(page, task.id).count(), 1);
  assertNoErrors(errors);
  await page.close();
});
