// Honest state: the list refreshes by itself and says how old it is; when
// the backend goes away the rows are marked stale, Stop and Delete are
// disabled and the page says what happened in words; bad list entries and
// throwing storage cost one row or a preference, never the page; the
// selection stays visible when the search hides selected rows.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, apiTasks, findTask, plain, row, rules, assertNoErrors, startServer, consoleUrl, DEADLINE_MS, waitForRows, figure } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const enabledActions = (page) => page.locator('tr[data-task-id] [data-action="stop"]:enabled, tr[data-task-id] [data-action="delete"]:enabled');

test("a backend that goes down is visible within one refresh; rows turn stale and come back fresh", async () => {
  const server = await startServer();
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(consoleUrl({ view: "migration", refresh: 1 }, server.base, server.token));
    await page.locator("tr[data-task-id]").first().waitFor();
    const freshness = page.locator("[data-freshness]");
    assert.match(await freshness.textContent(), /^Updated (just now|\d+ s ago)$/);
    assert.ok((await enabledActions(page).count()) > 0, "some Stop buttons are enabled while fresh");

    await server.stop();
    const wentDown = Date.now();
    // The page refreshes every second here (?refresh=1): the outage shows at the next one.
    await page.locator('[data-freshness][data-state="stale"]').waitFor({ timeout: DEADLINE_MS });
    figure("outage_visible_after", Date.now() - wentDown, "ms");

    const banner = page.locator("[data-load-error]");
    assert.equal(await banner.isVisible(), true);
    const text = await banner.textContent();
    assert.match(text, /could not be reached/);
    assert.doesNotMatch(text, /Failed to fetch|NETWORK_ERROR|TypeError/);
    assert.match(await freshness.textContent(), /^Refresh failed; the list is from \d+ (s|min) ago$/);
    assert.equal(await enabledActions(page).count(), 0, "no Stop or Delete is usable on stale rows");
    const rows = await page.locator("tr[data-task-id]").count();
    assert.equal(await page.locator("tr[data-task-id][data-stale]").count(), rows, "every row is marked stale");
    const stop = page.locator('tr[data-task-id] [data-action="stop"]').first();
    assert.match(await stop.getAttribute("title"), /out of date/);
    assert.equal(await page.locator('[data-action="batch-stop"]').isDisabled(), true);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.stop();
  }
});

test("API errors are told in words, with the backend's code and message as text", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  await page.route("**/jobs?**", (route) => route.fulfill({
    status: 500, contentType: "application/json",
    body: JSON.stringify({ error_code: "DRS.M00001", error_msg: "<b>store unavailable</b>" }),
  }));
  await page.click('[data-action="refresh"]');
  const banner = page.locator("[data-load-error]");
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /The backend failed \(HTTP 500, DRS\.M00001\): <b>store unavailable<\/b>/);
  assert.equal(await page.locator("[data-load-error] b").count(), 0, "the message stayed text");
  assert.equal(await enabledActions(page).count(), 0);
  await page.unroute("**/jobs?**");
  await page.click('[data-action="refresh"]');
  await banner.waitFor({ state: "hidden" });
  assert.ok((await enabledActions(page).count()) > 0, "fresh again");
  assertNoErrors(errors.filter((e) => !e.includes("500")));
  await page.close();
});

test("a bad list entry becomes one error row; the others stay and the search still works", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const tasks = await apiTasks("migration");
  await page.route("**/jobs?**", async (route) => {
    const response = await route.fetch();
    const payload = await response.json();
    payload.jobs.splice(1, 0,
      { id: "bad-name", name: { text: "not a string" }, db_use_type: "migration", status: "INCRE_TRANSFER_STARTED" },
      { id: "no-status", name: "no status here", db_use_type: "migration" },
      42,
      { ...payload.jobs[0] });
    await route.fulfill({ response, json: payload });
  });
  await page.click('[data-action="refresh"]');
  await page.locator('[data-row-error="INVALID_INPUT"]').waitFor();
  assert.deepEqual(
    await page.locator("tr[data-row-error]").evaluateAll((rows) => rows.map((tr) => tr.dataset.rowError)),
    ["NAME_NOT_TEXT", "INVALID_INPUT", "NOT_AN_OBJECT", "DUPLICATE_ID"]);
  assert.match(await page.locator('[data-row-error="INVALID_INPUT"]').textContent(), /no status here.*status/s);
  await waitForRows(page, tasks);
  const decisions = rules.evaluateStops(tasks);
  assert.deepEqual(await page.locator("tr[data-task-id] [data-action='stop']").evaluateAll((buttons) => buttons.map((b) => !b.disabled)),
    decisions.map((d) => d.stoppable));
  await page.fill('input[name="filter"]', "orders");
  const shown = await page.locator('tr[data-task-id] [data-field="name"]').allTextContents();
  assert.ok(shown.length > 0 && shown.every((name) => name.includes("orders")));
  assertNoErrors(errors);
  await page.close();
});

test("storage that throws is tolerated", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("storage is blocked", "SecurityError"); } });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(consoleUrl({ view: "sync" }));
  await waitForRows(page, await apiTasks("sync"));
  await page.selectOption('select[name="lang"]', "zh-cn");
  assert.equal(await page.locator('[data-kind-tab="sync"]').textContent(), "实时同步管理");
  assert.deepEqual(errors, []);
  await context.close();
});

test("selected rows the search hides are still counted, and a batch acts on all of them", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const a = await findTask("migration", (t) => rules.evaluateStop(t).stoppable && plain(t));
  const b = await findTask("migration", (t) => rules.evaluateStop(t).stoppable && plain(t) && !t.name.includes(a.name));
  await row(page, a.id).locator("[data-select]").check();
  await row(page, b.id).locator("[data-select]").check();
  await page.fill('input[name="filter"]', a.name);
  assert.equal(await row(page, b.id).count(), 0, "the search hides one selected row");
  assert.equal(await page.locator("[data-table-selected]").textContent(), "2 selected (1 not shown on this page)");
  await page.click('[data-action="batch-stop"]');
  const listed = await page.locator('[role="dialog"] [data-batch-group] li').evaluateAll((items) => items.map((li) => li.dataset.taskId));
  assert.deepEqual(new Set(listed), new Set([a.id, b.id]));
  await page.keyboard.press("Escape");
  await page.click('[data-action="clear-selection"]');
  assert.equal(await page.locator("[data-table-selected]").textContent(), "");
  assertNoErrors(errors);
  await page.close();
});

test("a stop whose request cannot reach the backend says so in words, and focus lands on that message", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const task = await findTask("migration", (t) => rules.evaluateStop(t).stoppable && plain(t));
  await page.route("**/batch-jobs", (route) => route.abort("connectionrefused"));
  await row(page, task.id).locator('[data-action="stop"]').click();
  await page.locator('[role="dialog"] [data-action="confirm"]').click();
  const results = page.locator("[data-results]");
  await results.locator('[data-result-status="failed"]').waitFor();
  const text = await results.textContent();
  assert.match(text, /Nothing was confirmed: The backend could not be reached/);
  assert.doesNotMatch(text, /Failed to fetch|NETWORK_ERROR|TypeError/);
  assert.equal(await page.evaluate(() => document.activeElement?.matches("[data-results]")), true);
  assertNoErrors(errors.filter((error) => !error.includes("ERR_CONNECTION_REFUSED")));
  await page.close();
});
