// Screenshots of the console for the README and for review, written to
// target/screenshots/ (never into the repository: copy console.png to
// docs/ on purpose). Run by `make screenshot` (scripts/screenshot.sh), which
// starts the backend and sets CONSOLE_URL and CONSOLE_TOKEN.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchBrowser, consoleUrl, apiTasks, row } from "../tests/console/helpers.mjs";

const out = fileURLToPath(new URL("../target/screenshots/", import.meta.url));
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const shots = [];

async function open(kind, viewport = { width: 1280, height: 800 }, extra = {}) {
  const context = await browser.newContext({ viewport, ...extra });
  const page = await context.newPage();
  await page.goto(consoleUrl({ view: kind }));
  await page.locator("tr[data-task-id]").first().waitFor();
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: `${out}${name}.png` });
  shots.push(`${out}${name}.png`);
}

try {
  const migration = await apiTasks("migration");
  const parent = migration.find((task) => task.is_parent);
  const failed = migration.find((task) => task.status === "INCRE_TRANSFER_FAILED");

  // The README image: the list, one disabled Stop's reason shown as on hover.
  let page = await open("migration");
  await row(page, parent.id).locator('[data-why="stop"]').hover();
  await shot(page, "console");

  await row(page, failed.id).locator('[data-action="stop"]').click();
  await shot(page, "stop-dialog");
  await page.keyboard.press("Escape");

  await row(page, failed.id).locator('[data-action="details"]').click();
  await shot(page, "details-dialog");
  await page.keyboard.press("Escape");

  for (const task of migration.slice(0, 6)) await row(page, task.id).locator("[data-select]").check();
  await page.click('[data-action="batch-stop"]');
  await shot(page, "batch-dialog");
  await page.keyboard.press("Escape");
  await page.context().close();

  page = await open("sync", { width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await shot(page, "phone");
  await page.context().close();

  page = await open("cloudDataGuard");
  await page.selectOption('select[name="lang"]', "zh-cn");
  await shot(page, "zh-cn");
  await page.context().close();
} finally {
  await browser.close();
}
console.log(`screenshots: ${shots.join(", ")}`);
console.log("to update the README image: cp target/screenshots/console.png docs/console.png");
