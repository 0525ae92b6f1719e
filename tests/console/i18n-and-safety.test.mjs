// Language switch, task names with markup, and the rules-version banner.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, apiTasks, findTask, row, rules, assertNoErrors, KINDS, waitForRows, consoleUrl } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test("switching to zh-cn relabels the chrome, status labels and reasons, and back", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  await page.selectOption('select[name="lang"]', "zh-cn");
  assert.equal(await page.locator('[data-kind-tab="migration"]').textContent(), "实时迁移管理");
  assert.equal(await page.locator('[data-action="batch-stop"]').textContent(), "结束");
  for (const kind of KINDS) {
    await page.click(`[data-kind-tab="${kind}"]`);
    const tasks = await apiTasks(kind);
    await waitForRows(page, tasks);
    const decisions = rules.evaluateStops(tasks, { lang: "zh-cn" });
    const shown = await page.$$eval("tr[data-task-id]", (rows) => rows.map((tr) => ({
      label: tr.querySelector(".badge-label").textContent,
      title: tr.querySelector('[data-action="stop"]').getAttribute("title"),
    })));
    assert.deepEqual(shown, decisions.map((d) => ({ label: d.status_label, title: d.stoppable ? null : d.blocked.message })));
    assert.ok(shown.some((s) => /[\u4e00-\u9fff]/.test(s.label)), "Chinese status labels appear");
  }
  // The dialog speaks the selected language too.
  const task = await findTask("cloudDataGuard", (t) => t.status === "INCRE_TRANSFER_STARTED" && t.multi_write);
  await row(page, task.id).locator('[data-action="stop"]').click();
  const dialog = page.locator('[role="dialog"]');
  assert.equal(await dialog.locator(".dialog-title").textContent(), "结束任务");
  const decision = rules.evaluateStop(task, { lang: "zh-cn" });
  assert.deepEqual(await dialog.locator('[data-section="advice"] li').allTextContents(), decision.advice.map((a) => a.message));
  await page.keyboard.press("Escape");

  await page.selectOption('select[name="lang"]', "en-us");
  assert.equal(await page.locator('[data-kind-tab="migration"]').textContent(), "Online Migration Management");
  assert.equal(await row(page, task.id).locator(".badge-label").textContent(), rules.statusLabel("cloudDataGuard", task.status, "en-us"));
  assertNoErrors(errors);
  await page.close();
});

test("a task name with markup stays text, in the table and the dialog", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  const task = await findTask("migration", (t) => t.name.includes("<img"));
  assert.equal(await row(page, task.id).locator('[data-field="name"]').textContent(), task.name);
  await row(page, task.id).locator('[data-action="stop"]').click();
  assert.equal(await page.locator('[role="dialog"] [data-field="name"]').textContent(), task.name);
  assert.equal(await page.locator("img").count(), 0, "no <img> element was created");
  await page.keyboard.press("Escape");
  assertNoErrors(errors);
  await page.close();
});

test("the version banner appears only when the backend runs other rules", async () => {
  const { page, errors } = await openConsole(browser, "migration");
  assert.equal(await page.locator("[data-version-warning]").isHidden(), true);
  await page.close();

  const other = await browser.newPage();
  const pageErrors = [];
  other.on("pageerror", (error) => pageErrors.push(error.message));
  // Pretend the backend was upgraded: same data, another rules version.
  await other.route("**/v3/**", async (route) => {
    // The page keeps polling; a request still in this handler when the page
    // closes is disposed, which is not a failure of the page.
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "x-stop-rules-version": "9.9.9+deadbeef" } });
    } catch (error) {
      if (!other.isClosed()) throw error;
    }
  });
  await other.goto(consoleUrl({ view: "migration" }));
  const banner = other.locator("[data-version-warning]");
  await banner.waitFor();
  const text = await banner.textContent();
  assert.ok(text.includes("9.9.9+deadbeef") && text.includes(rules.rulesVersion()), text);
  assert.deepEqual(pageErrors, []);
  assertNoErrors(errors);
  await other.unrouteAll({ behavior: "ignoreErrors" });
  await other.close();
});
