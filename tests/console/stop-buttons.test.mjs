// Every row's Stop button, in all three tabs, is exactly what the package
// decides for the task the API returns: enabled iff stoppable, and otherwise
// titled (and described) with the blocked message.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { launchBrowser, openConsole, apiTasks, waitForRows, rules, KINDS, assertNoErrors, row } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function buttonStates(page) {
  return page.$$eval("tr[data-task-id]", (rows) => rows.map((tr) => {
    const stop = tr.querySelector('[data-action="stop"]');
    const describedBy = stop.getAttribute("aria-describedby");
    return {
      id: tr.dataset.taskId,
      disabled: stop.disabled,
      title: stop.getAttribute("title"),
      description: describedBy ? document.getElementById(describedBy)?.textContent ?? null : null,
      label: tr.querySelector(".badge-label").textContent,
    };
  }));
}

test("Stop button state of every seeded row equals evaluateStops, in all three tabs", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  let rowsChecked = 0;
  for (const kind of KINDS) {
    await page.click(`[data-kind-tab="${kind}"]`);
    const tasks = await apiTasks(kind);
    await waitForRows(page, tasks);
    const decisions = rules.evaluateStops(tasks, { lang: "en-us" });
    const shown = await buttonStates(page);
    assert.equal(shown.length, tasks.length);
    assert.ok(decisions.some((d) => d.stoppable) && decisions.some((d) => !d.stoppable), `${kind}: both states seeded`);
    for (const [i, decision] of decisions.entries()) {
      const expected = decision.stoppable
        ? { id: tasks[i].id, disabled: false, title: null, description: null, label: decision.status_label }
        : { id: tasks[i].id, disabled: true, title: decision.blocked.message, description: decision.blocked.message, label: decision.status_label };
      assert.deepEqual(shown[i], expected, `${kind} ${tasks[i].name} (${tasks[i].status})`);
      rowsChecked += 1;
    }
  }
  assert.ok(rowsChecked >= 3 * 29, `checked ${rowsChecked} rows`);
  assertNoErrors(errors);
  await page.close();
});

test("the reason of a disabled Stop is reachable by keyboard focus", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const tasks = await apiTasks("migration");
  const blocked = tasks.find((task) => !rules.evaluateStop(task).stoppable);
  const why = row(page, blocked.id).locator('[data-why="stop"]');
  await why.focus();
  const tip = row(page, blocked.id).locator('[data-why="stop"] + [role="tooltip"]');
  assert.equal(await tip.isVisible(), true);
  assert.equal(await tip.textContent(), rules.evaluateStop(blocked).blocked.message);
  assertNoErrors(errors);
  await page.close();
});

test("the badges' look follows the decision, and the page holds no status vocabulary of its own", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const tasks = await apiTasks("migration");
  const decisions = rules.evaluateStops(tasks);
  const tones = await page.locator("tr[data-task-id] .badge").evaluateAll((badges) => badges.map((badge) => badge.dataset.tone));
  assert.equal(tones.length, decisions.length);
  for (const [i, decision] of decisions.entries()) {
    assert.equal(tones[i] === "abnormal", decision.abnormal, `${tasks[i].status}: abnormal look iff abnormal`);
    assert.equal(tones[i] === "active", decision.stoppable && !decision.abnormal, `${tasks[i].status}: active look iff stoppable`);
  }
  // Not one status code is spelled out in the page's code: everything about a status comes from the package.
  const www = new URL("../../www/", import.meta.url);
  // DELETED is also the name of a blocking code (which badge.js may use), so it is left out.
  const statuses = rules.stopMatrix().rows.map((row) => row.status).filter((status) => status !== "DELETED");
  for (const file of readdirSync(www).filter((name) => name.endsWith(".js"))) {
    const source = readFileSync(new URL(file, www), "utf8");
    assert.deepEqual(statuses.filter((status) => new RegExp(`\\b${status}\\b`).test(source)), [], `www/${file}`);
  }
  assertNoErrors(errors);
  await page.close();
});

test("a parent's nested children are rows right under it, each decided by the package", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const tasks = await apiTasks("migration");
  const parent = tasks.find((task) => task.is_parent);
  const children = [
    { id: "child-running", name: "child running", db_use_type: "migration", status: "INCRE_TRANSFER_STARTED" },
    { id: "child-stopped", name: "child stopped", db_use_type: "migration", status: "RELEASE_RESOURCE_COMPLETE" },
  ];
  await page.route("**/jobs?**", async (route) => {
    const response = await route.fetch();
    const payload = await response.json();
    payload.jobs.find((job) => job.id === parent.id).children = children;
    await route.fulfill({ response, json: payload });
  });
  await page.click('[data-action="refresh"]');
  await row(page, "child-running").waitFor();
  const ids = await page.locator("tr[data-task-id]").evaluateAll((rows) => rows.map((tr) => tr.dataset.taskId));
  const at = ids.indexOf(parent.id);
  assert.deepEqual(ids.slice(at, at + 3), [parent.id, "child-running", "child-stopped"]);
  for (const child of children) {
    assert.equal(await row(page, child.id).getAttribute("data-parent-key"), parent.id);
    assert.equal(await row(page, child.id).locator('[data-action="stop"]').isDisabled(), !rules.evaluateStop(child).stoppable);
  }
  assert.equal(await row(page, parent.id).locator('[data-action="stop"]').isDisabled(), !rules.evaluateStop({ ...parent, children }).stoppable);
  assertNoErrors(errors);
  await page.close();
});
