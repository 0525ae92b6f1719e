// A phone (390 px wide, touch): nothing widens the document, every action
// can be reached, and dialogs fit the screen.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, findTask, plain, row, assertNoErrors, figure } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const PHONE = { context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } };

/** Scrolls the control into view (its own scroll box first) and checks it lies wholly on screen. */
async function assertReachable(page, locator, what) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is rendered`);
  const { width, height } = page.viewportSize();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5,
    `${what} lies on screen: ${JSON.stringify(box)}`);
  // Nothing covers it: the point at its centre hits the control itself.
  const hit = await locator.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return node === top || node.contains(top) || (node.labels ? [...node.labels].some((label) => label.contains(top)) : false);
  });
  assert.ok(hit, `${what} is not covered`);
}

async function documentWidth(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

test("at 390 px the document does not overflow and every action is reachable", async () => {
  const { page, errors } = await openConsole(browser, "migration", {}, PHONE);
  const width = await documentWidth(page);
  figure("phone_document_width", width, "px");
  assert.ok(width <= 390, `document width ${width} px`);

  const stoppable = await findTask("migration", (t) => t.status === "INCRE_TRANSFER_STARTED" && plain(t));
  const stopped = await findTask("migration", (t) => t.status === "RELEASE_RESOURCE_COMPLETE");
  const controls = [
    ['[data-kind-tab="migration"]', "the migration view"],
    ['[data-kind-tab="cloudDataGuard"]', "the disaster recovery view"],
    ['select[name="lang"]', "the language"],
    ['select[name="api"]', "the API version"],
    ['[data-action="batch-stop"]', "batch Stop"],
    ['input[name="filter"]', "the search"],
    ['[data-action="refresh"]', "Refresh"],
    ['select[name="page-size"]', "rows per page"],
    ['[data-action="page-next"]', "the next page"],
  ];
  for (const [selector, what] of controls) await assertReachable(page, page.locator(selector), what);
  await assertReachable(page, row(page, stoppable.id).locator("[data-select]"), "a row's checkbox");
  await assertReachable(page, row(page, stoppable.id).locator('[data-action="details"]'), "a task's name");
  await assertReachable(page, row(page, stoppable.id).locator('[data-action="stop"]'), "a row's Stop");
  await assertReachable(page, row(page, stopped.id).locator('[data-why="stop"]'), "a disabled Stop's reason");
  if (await row(page, stopped.id).locator('[data-action="delete"]').count()) {
    await assertReachable(page, row(page, stopped.id).locator('[data-action="delete"]'), "a row's Delete");
  }
  assert.ok((await documentWidth(page)) <= 390, "scrolling the table did not widen the document");

  // The Stop dialog fits: its close button, option, OK and Cancel are all on screen.
  await row(page, stoppable.id).locator('[data-action="stop"]').tap();
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  for (const [selector, what] of [['[data-action="close"]', "the dialog's close"], ['input[name="force"]', "the force option"],
    ['[data-action="confirm"]', "OK"], ['[data-action="cancel"]', "Cancel"]]) {
    await assertReachable(page, dialog.locator(selector), what);
  }
  await dialog.locator('[data-action="cancel"]').tap();
  await dialog.waitFor({ state: "detached" });
  assertNoErrors(errors);
  await page.close();
});
