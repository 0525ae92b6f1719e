// The console on either API version. The switch lists tasks from
// `GET /v3/…/jobs` or `GET /v5/…/jobs`; the buttons are the package's
// decisions for the items exactly as each version sends them; a stop goes
// where planStop({ api }) says, with the body it builds, to the reference
// backend (v3 `DELETE …/batch-jobs`, v5 `POST …/batch-stop`).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openConsole, apiHeaders, row, rules, assertNoErrors, startServer, waitForRows, PROJECT, urlParam, DEADLINE_MS } from "./helpers.mjs";

let browser;
let server;
before(async () => ([browser, server] = await Promise.all([launchBrowser(), startServer({ DRS_STOP_DELAY_MS: "200" })])));
after(async () => Promise.all([browser?.close(), server?.stop()]));

/** The list as the backend answers it on one API version. */
async function listOf(api, kind) {
  const query = api === "v5" ? `job_type=${kind}` : `db_use_type=${kind}`;
  const response = await fetch(new URL(`/${api}/${PROJECT}/jobs?${query}`, server.base), { headers: apiHeaders(server.token) });
  assert.equal(response.status, 200);
  return (await response.json()).jobs;
}

for (const api of ["v3", "v5"]) {
  test(`API ${api}: the rows are the package's decisions for the ${api} items, and a stop sends planStop({ api: "${api}" })`, async () => {
    const kind = "sync";
    const { page, errors } = await openConsole(browser, kind, {}, { server });
    if (api === "v5") await page.selectOption('select[name="api"]', "v5");
    assert.equal(await urlParam(page, "api"), api === "v5" ? "v5" : null);
    const items = await listOf(api, kind);
    if (api === "v5") assert.ok(items.every((item) => typeof item.job_type === "string"), "v5 items name the kind job_type");
    await waitForRows(page, items);
    const decisions = rules.evaluateStops(items);
    assert.deepEqual(
      await page.locator('tr[data-task-id] [data-action="stop"]').evaluateAll((buttons) => buttons.map((b) => b.disabled)),
      decisions.map((d) => !d.stoppable));
    const index = decisions.findIndex((d) => d.stoppable && !d.abnormal);
    const task = items[index];
    await row(page, task.id).locator('[data-action="stop"]').click();
    const plan = rules.planStop({ tasks: [task], force: false, api });
    const request = page.waitForRequest((r) => ["POST", "DELETE"].includes(r.method()) && !r.url().includes("batch-status"));
    await page.locator('[role="dialog"] [data-action="confirm"]').click();
    const made = await request;
    assert.equal(made.method(), plan.endpoint.method);
    assert.equal(new URL(made.url()).pathname, plan.endpoint.path.replace("{project_id}", PROJECT));
    assert.deepEqual(made.postDataJSON(), plan.request);
    await page.locator(`[data-result-id="${task.id}"][data-result-status="success"]`).waitFor();
    // The backend stopped it: the row follows until the task is stopped.
    const stopped = rules.statusLabel(kind, "RELEASE_RESOURCE_COMPLETE");
    await row(page, task.id).locator(".badge-label").filter({ hasText: stopped }).waitFor({ timeout: DEADLINE_MS });
    assertNoErrors(errors);
    await page.close();
  });
}
