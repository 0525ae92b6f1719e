// The Stop dialog: preselected mode, what clearing "Forcibly stop task" does
// on an abnormal task, notices re-rendered per mode, and keyboard behaviour
// (focus in on open, trapped, Escape closes, focus back on the Stop button).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, findTask, plain, row, rules, assertNoErrors } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function openDialog(page, task) {
  await row(page, task.id).locator('[data-action="stop"]').click();
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  return dialog;
}

const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((node) => node.textContent));

test("force is preselected for abnormal tasks only", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const cases = [
    [await findTask("migration", (t) => t.status === "INCRE_TRANSFER_FAILED"), true],
    [await findTask("migration", (t) => t.network_abnormal === true), true],
    [await findTask("migration", (t) => t.status === "INCRE_TRANSFER_STARTED" && plain(t)), false],
  ];
  for (const [task, forced] of cases) {
    assert.equal(rules.evaluateStop(task).preselected_mode, forced ? "force" : "normal");
    const dialog = await openDialog(page, task);
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    assert.equal(await dialog.locator('[data-field="name"]').textContent(), task.name);
    assert.equal(await dialog.locator('[data-field="status"] .badge-label').textContent(), rules.evaluateStop(task).status_label);
    assert.equal(await dialog.locator('input[name="force"]').isChecked(), forced, task.name);
    assert.equal(await dialog.locator('[data-action="confirm"]').isEnabled(), true);
    assert.doesNotMatch(await dialog.textContent(), /\b(null|undefined)\b/);
    await dialog.locator('[data-action="cancel"]').click();
    await dialog.waitFor({ state: "detached" });
  }
  assertNoErrors(errors);
  await page.close();
});

test("clearing force on an abnormal task disables OK and says why", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const task = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_FAILED");
  const decision = rules.evaluateStop(task);
  const dialog = await openDialog(page, task);
  const ok = dialog.locator('[data-action="confirm"]');

  await dialog.locator('input[name="force"]').uncheck();
  assert.equal(await ok.isDisabled(), true);
  const reason = dialog.locator('[data-blocked-reason="TASK_ABNORMAL"]');
  assert.equal(await reason.isVisible(), true);
  assert.equal(await reason.locator("[data-blocked-message]").textContent(), decision.modes.normal.blocked.message);
  const restoreFirst = decision.advice.find((advice) => advice.code === "RESTORE_FIRST");
  assert.equal(await reason.locator('[data-advice="RESTORE_FIRST"]').textContent(), restoreFirst.message);
  assert.deepEqual(await texts(dialog.locator('[data-section="consequences"] li')), decision.modes.normal.consequences.map((n) => n.message));

  await dialog.locator('input[name="force"]').check();
  assert.equal(await ok.isEnabled(), true);
  assert.equal(await reason.count(), 0);
  assert.deepEqual(await texts(dialog.locator('[data-section="consequences"] li')), decision.modes.force.consequences.map((n) => n.message));
  assert.deepEqual(await texts(dialog.locator('[data-section="follow-ups"] li')), decision.modes.force.follow_ups.map((n) => n.message));
  assert.deepEqual(await texts(dialog.locator('[data-section="advice"] li')), decision.advice.map((n) => n.message));
  await page.keyboard.press("Escape");
  assertNoErrors(errors);
  await page.close();
});

test("a healthy PostgreSQL sync task shows the forced stop's follow-ups only when force is chosen", async () => {
  const { page, errors } = await openConsole(browser, "sync");
  const task = await findTask("sync", (t) => t.engine_type === "postgresql" && plain(t) && rules.evaluateStop(t).preselected_mode === "normal");
  const decision = rules.evaluateStop(task);
  const dialog = await openDialog(page, task);
  assert.equal(await dialog.locator('[data-section="follow-ups"]').count(), 0);
  await dialog.locator('input[name="force"]').check();
  const followUps = await texts(dialog.locator('[data-section="follow-ups"] li'));
  assert.ok(followUps.length > 0);
  assert.deepEqual(followUps, decision.modes.force.follow_ups.map((n) => n.message));
  await dialog.locator('[data-action="cancel"]').click();
  assertNoErrors(errors);
  await page.close();
});

test("focus moves in, is trapped, and returns to the Stop button on Escape", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const task = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_STARTED" && plain(t));
  const stop = row(page, task.id).locator('[data-action="stop"]');
  await stop.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  const focusInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  assert.equal(await focusInDialog(), true, "focus moved into the dialog");
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press("Tab");
    assert.equal(await focusInDialog(), true, `Tab ${i + 1} stays in the dialog`);
  }
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focusInDialog(), true, `Shift+Tab ${i + 1} stays in the dialog`);
  }
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  const focused = await page.evaluate(() => ({
    action: document.activeElement?.dataset.action,
    taskId: document.activeElement?.closest("tr")?.dataset.taskId,
  }));
  assert.deepEqual(focused, { action: "stop", taskId: task.id });
  assertNoErrors(errors);
  await page.close();
});
