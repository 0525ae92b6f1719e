// Accessibility: axe-core (serious and critical) on the list and on every
// dialog, the skip link and landmarks, Escape on tooltips, focus that never
// falls to <body> in the stop flow, and the view in the URL.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, findTask, plain, row, rules, assertNoErrors, seriousViolations, watchFocus, figure, startServer, urlParam, consoleUrl, SHARED } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const AXE = { context: { bypassCSP: true } };

async function expectNoSerious(page, where) {
  const violations = await seriousViolations(page);
  figure(`axe_serious_${where}`, violations.reduce((sum, v) => sum + v.nodes, 0), "nodes");
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
}

async function closeDialog(page) {
  await page.keyboard.press("Escape");
  await page.locator('[role="dialog"]').waitFor({ state: "detached" });
}

test("axe: no serious or critical violation on the list, in English and Chinese", async () => {
  const { page, errors } = await openConsole(browser, "migration", {}, AXE);
  await expectNoSerious(page, "list_en");
  await page.selectOption('select[name="lang"]', "zh-cn");
  await expectNoSerious(page, "list_zh");
  assertNoErrors(errors);
  await page.close();
});

test("axe: no serious or critical violation in the stop, batch, details and delete dialogs", async () => {
  const { page, errors } = await openConsole(browser, "migration", {}, AXE);
  const abnormal = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_FAILED");
  await row(page, abnormal.id).locator('[data-action="stop"]').click();
  await page.locator('[role="dialog"] input[name="force"]').uncheck(); // shows the refusal note too
  await expectNoSerious(page, "stop_dialog");
  await closeDialog(page);

  await row(page, abnormal.id).locator('[data-action="details"]').click();
  await expectNoSerious(page, "details_dialog");
  await closeDialog(page);

  const running = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_STARTED" && plain(t));
  const stopped = await findTask("migration", (t) => t.status === "RELEASE_RESOURCE_COMPLETE");
  for (const task of [abnormal, running, stopped]) await row(page, task.id).locator("[data-select]").check();
  await page.click('[data-action="batch-stop"]');
  await expectNoSerious(page, "batch_stop_dialog");
  await closeDialog(page);

  if (await page.locator('[data-action="batch-delete"]').isVisible()) {
    await page.click('[data-action="batch-delete"]');
    await expectNoSerious(page, "batch_delete_dialog");
    await closeDialog(page);
    await row(page, stopped.id).locator('[data-action="delete"]').click();
    await expectNoSerious(page, "delete_dialog");
    await closeDialog(page);
  }
  assertNoErrors(errors);
  await page.close();
});

test("a skip link leads to the one main landmark", async () => {
  const { page, errors } = await openConsole(browser, "sync");
  assert.equal(await page.locator("main").count(), 1);
  assert.equal(await page.locator("main").getAttribute("role"), null, "main is a real main landmark");
  assert.equal(await page.locator("header").count(), 1);
  assert.equal(await page.locator("nav").first().isVisible(), true);
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  assert.equal(await skip.evaluate((node) => node === document.activeElement), true, "the first Tab reaches the skip link");
  assert.equal(await skip.isVisible(), true);
  const hashBefore = await page.evaluate(() => location.hash);
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "MAIN");
  assert.equal(await page.evaluate(() => location.hash), hashBefore, "the hash (and a token in it) is left alone");
  assertNoErrors(errors);
  await page.close();
});

test("Escape hides a disabled button's reason without moving focus", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const stopped = await findTask("migration", (t) => t.status === "RELEASE_RESOURCE_COMPLETE");
  const why = row(page, stopped.id).locator('[data-why="stop"]');
  const tip = row(page, stopped.id).locator('[data-why="stop"] + [role="tooltip"]');
  await why.focus();
  assert.equal(await tip.isVisible(), true);
  await page.keyboard.press("Escape");
  assert.equal(await tip.isVisible(), false, "Escape hid the tooltip");
  assert.equal(await why.evaluate((node) => node === document.activeElement), true, "focus stayed");
  // Hover shows it again once the pointer comes back.
  await row(page, stopped.id).locator('[data-action="details"]').hover();
  await row(page, stopped.id).locator('[data-why="stop"]').hover();
  assert.equal(await tip.isVisible(), true);
  await page.keyboard.press("Escape");
  assert.equal(await tip.isVisible(), false, "Escape hid the hovered tooltip");
  assertNoErrors(errors);
  await page.close();
});

test("keyboard only: focus never lands on <body> through a whole stop", async (t) => {
  // A backend of its own: the stop changes the task.
  const server = await startServer({ DRS_STOP_DELAY_MS: "200" });
  t.after(() => server.stop());
  const { page, errors } = await openConsole(browser, "migration", {}, { server });
  const task = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_FAILED" && plain(t), server);
  await row(page, task.id).locator('[data-action="stop"]').focus();
  const focus = await watchFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  const force = dialog.locator('input[name="force"]');
  assert.equal(await force.evaluate((node) => node === document.activeElement), true, "focus starts on the force option");
  await page.keyboard.press("Space"); // clear force: OK becomes disabled, the refusal appears
  assert.equal(await dialog.locator('[data-action="confirm"]').isDisabled(), true);
  assert.equal(await force.evaluate((node) => node === document.activeElement), true, "focus stays on the option");
  await page.keyboard.press("Space"); // force again
  await dialog.locator('[data-action="confirm"]').focus();
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await page.locator(`[data-result-id="${task.id}"]`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.matches("[data-results]")), true, "focus is on the results");
  assert.equal(await page.locator("[data-results]").isVisible(), true);
  assert.deepEqual(await focus.read(), [], "focus never fell to <body>");
  assertNoErrors(errors);
  await page.close();
});

test("the view lives in the URL: reload and Back show the same view", async () => {
  const { page, errors } = await openConsole(browser, "sync");
  assert.equal(await page.locator("[data-view-title]").textContent(), "Data Synchronization Management");
  assert.equal(await page.locator('[data-kind-tab="sync"]').getAttribute("aria-current"), "page");
  await page.click('[data-kind-tab="cloudDataGuard"]');
  assert.equal(await urlParam(page, "view"), "cloudDataGuard");
  assert.equal(await page.locator("[data-view-title]").textContent(), "Disaster Recovery Management");
  await page.fill('input[name="filter"]', "orders");
  assert.equal(await urlParam(page, "q"), "orders");
  await page.reload();
  await page.locator("tr[data-task-id]").first().waitFor();
  assert.equal(await page.locator("[data-view-title]").textContent(), "Disaster Recovery Management");
  assert.equal(await page.inputValue('input[name="filter"]'), "orders");
  const names = await page.locator('tr[data-task-id] [data-field="name"]').allTextContents();
  assert.ok(names.length > 0 && names.every((name) => name.toLowerCase().includes("orders")), names.join());
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "sync");
  assert.equal(await page.locator("[data-view-title]").textContent(), "Data Synchronization Management");
  assertNoErrors(errors);
  await page.close();
});

test("axe: no serious or critical violation in the token prompt a page without a token gets", async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(consoleUrl({ view: "migration" }, SHARED.base, ""));
  const prompt = page.locator("dialog[data-token-prompt]");
  await prompt.waitFor();
  await expectNoSerious(page, "token_prompt");
  await prompt.locator('input[name="token"]').fill(SHARED.token);
  await prompt.locator('button[type="submit"]').click();
  await page.locator("tr[data-task-id]").first().waitFor();
  await context.close();
});
