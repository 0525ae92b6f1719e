// Task details: clicking a task's name shows the package's whole decision
// for it (status, modes with consequences and follow-ups, advice, delete),
// every item with its code and message; Escape returns focus to the name.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, findTask, row, rules, assertNoErrors } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const notices = (dialog, section) => dialog.locator(`[data-section="${section}"] li`).evaluateAll((items) =>
  items.map((li) => ({ code: li.dataset.code, message: li.querySelector(".notice-message").textContent })));
const plainNotices = (list) => list.map(({ code, message }) => ({ code, message }));

for (const [kind, title, predicate] of [
  ["sync", "an abnormal PostgreSQL sync task", (t) => t.engine_type === "postgresql" && rules.evaluateStop(t).abnormal],
  ["cloudDataGuard", "a dual-active DR task with advice", (t) => rules.evaluateStop(t).advice.length > 0],
  ["migration", "a stopped task", (t) => t.status === "RELEASE_RESOURCE_COMPLETE"],
]) {
  test(`details of ${title} show its whole decision`, async () => {
    const { page, errors } = await openConsole(browser, kind);
    const task = await findTask(kind, predicate);
    const decision = rules.evaluateStop(task);
    await row(page, task.id).locator('[data-action="details"]').click();
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('[data-field="name"]').textContent(), task.name);
    assert.equal(await dialog.locator('[data-field="status-code"]').textContent(), decision.status);
    assert.equal(await dialog.locator('[data-field="stoppable"]').textContent(), decision.stoppable ? "Yes" : "No");
    assert.deepEqual(await dialog.locator('[data-field="abnormal"] [data-reason]').evaluateAll((nodes) => nodes.map((n) => n.dataset.reason)),
      decision.abnormal_reasons);
    assert.deepEqual(await notices(dialog, "blocked"), decision.blocked ? [plainNotices([decision.blocked])[0]] : []);
    for (const mode of ["normal", "force"]) {
      const option = decision.modes[mode];
      assert.deepEqual(await notices(dialog, `${mode}-blocked`), option.blocked ? plainNotices([option.blocked]) : [], mode);
      assert.deepEqual(await notices(dialog, `${mode}-consequences`), plainNotices(option.consequences), mode);
      assert.deepEqual(await notices(dialog, `${mode}-follow-ups`), plainNotices(option.follow_ups), mode);
    }
    assert.deepEqual(await notices(dialog, "advice"), plainNotices(decision.advice));
    if (decision.delete) {
      assert.deepEqual(await notices(dialog, "delete-blocked"), decision.delete.blocked ? plainNotices([decision.delete.blocked]) : []);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), "details");
    assertNoErrors(errors);
    await page.close();
  });
}
