// Loads pages in headless Chromium (Debian's /usr/bin/chromium) and returns
// the corpus result each publishes, with every page error and console error.
// One browser serves every page of a test file: call closeBrowser() after.
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import { chromium } from "playwright-core";
import { launchOptions } from "../../scripts/chromium.mjs";
import { expectedCheckCount } from "./corpus.mjs";
import { cases } from "./scratch-project.mjs";

// Chromium's flags live in one place (scripts/chromium.mjs, from webdriver.json).
export { launchOptions };

let browser;

export async function closeBrowser() {
  const open = browser;
  browser = undefined;
  await (await open)?.close();
}

/**
 * Opens `url` and waits for globalThis.corpusResult: { result, pageErrors,
 * consoleLines }. A page error ends the wait early (a second later).
 */
export async function corpusResultOfPage(url) {
  browser ??= chromium.launch(launchOptions);
  const page = await (await browser).newPage();
  try {
    const pageErrors = [];
    const consoleLines = [];
    let failed;
    const firstError = new Promise((resolve) => (failed = resolve));
    page.on("pageerror", (error) => {
      pageErrors.push(String(error));
      failed();
    });
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
      else consoleLines.push(message.text());
    });
    page.on("requestfailed", (request) => pageErrors.push(`request failed: ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url);
    // A failed import never sets the result: report the page errors instead of a bare timeout.
    const result = await Promise.race([
      page
        .waitForFunction(() => globalThis.corpusResult, null, { timeout: 30_000 })
        .then((handle) => handle.jsonValue())
        .catch((error) => ({ timeout: String(error) })),
      firstError.then(() => delay(1000)).then(() => ({ timeout: "a page error, and no result a second later" })),
    ]);
    return { result, pageErrors, consoleLines };
  } finally {
    await page.close();
  }
}

export const API = ["evaluateStop", "evaluateStops", "planStop", "rulesVersion", "statusLabel", "stopMatrix"];

/** Asserts a page ran the whole corpus without an error; returns its result. */
export function assertWholeCorpus({ result, pageErrors }) {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(result.failures, [], JSON.stringify(result).slice(0, 500));
  assert.equal(result.total, expectedCheckCount(cases));
  for (const name of API) assert.ok(result.exports.includes(name), `${name} missing from ${result.exports}`);
  return result;
}
