// The page's token (www/token.js): taken from #token= and removed from the
// address bar, kept for the tab, sent as X-Auth-Token on every call; a
// missing or refused token brings up an accessible prompt instead of a
// silent failure; storage that throws does not stop the page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, apiTasks, waitForRows, consoleUrl, assertNoErrors, TOKEN, BASE } from "./helpers.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function open(url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  const tokens = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/v3/")) tokens.push(request.headers()["x-auth-token"] ?? null);
  });
  await page.goto(url);
  return { page, context, errors, tokens };
}

test("the token from #token= is used for every call, kept for the tab and removed from the address bar", async () => {
  const { page, context, errors, tokens } = await open(consoleUrl({ view: "sync" }));
  await waitForRows(page, await apiTasks("sync"));
  const url = new URL(page.url());
  assert.equal(url.hash, "", "the token is no longer in the address bar");
  assert.equal(url.searchParams.get("view"), "sync", "the rest of the address is kept");
  assert.ok(tokens.length > 0 && tokens.every((token) => token === TOKEN), JSON.stringify(tokens));
  // A reload (no token in the URL any more) still works: the tab kept it.
  await page.reload();
  await waitForRows(page, await apiTasks("sync"));
  assert.equal(await page.locator("dialog[data-token-prompt]").count(), 0);
  assertNoErrors(errors);
  await context.close();
});

for (const [what, url] of [
  ["no token", () => new URL("/?view=migration", BASE).href],
  ["a wrong token", () => consoleUrl({ view: "migration" }, BASE, "not-the-token")],
]) {
  test(`${what}: the page asks for the token, and works once it is given`, async () => {
    const { page, context, errors } = await open(url());
    const prompt = page.getByRole("dialog", { name: "Access token needed" });
    await prompt.waitFor();
    const field = prompt.getByLabel("Token");
    assert.equal(await field.evaluate((input) => input === document.activeElement), true, "focus starts in the field");
    assert.equal(await field.getAttribute("type"), "password");
    await field.fill(TOKEN);
    await prompt.getByRole("button", { name: "Use token" }).click();
    await waitForRows(page, await apiTasks("migration"));
    assert.equal(await page.locator("dialog[data-token-prompt]").count(), 0);
    assertNoErrors(errors);
    await context.close();
  });
}

test("cancelling the prompt leaves an error on the page, not a blank one", async () => {
  const { page, context } = await open(new URL("/?view=migration", BASE).href);
  const prompt = page.getByRole("dialog", { name: "Access token needed" });
  await prompt.waitFor();
  await page.keyboard.press("Escape");
  await prompt.waitFor({ state: "detached" });
  await page.locator("[data-load-error]:not([hidden])").waitFor();
  await context.close();
});

test("with storage that throws, the token from the URL still works", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, { get() { throw new DOMException("blocked", "SecurityError"); } });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(consoleUrl({ view: "cloudDataGuard" }));
  await waitForRows(page, await apiTasks("cloudDataGuard"));
  assertNoErrors(errors);
  await context.close();
});
