// Loads a page in headless Chromium (Debian's /usr/bin/chromium) and returns
// the corpus result it publishes, with every page error and console error.
import { chromium } from "playwright-core";
import { launchOptions } from "../../scripts/chromium.mjs";

// Chromium's flags live in one place (scripts/chromium.mjs, from webdriver.json).
export { launchOptions };

export async function corpusResultOfPage(url) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
    });
    page.on("requestfailed", (request) => pageErrors.push(`request failed: ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url);
    // A failed import never sets the result: report the page errors instead of a bare timeout.
    const result = await page
      .waitForFunction(() => globalThis.corpusResult, null, { timeout: 30_000 })
      .then((handle) => handle.jsonValue())
      .catch((error) => ({ timeout: String(error) }));
    return { result, pageErrors };
  } finally {
    await browser.close();
  }
}
