// Who may press the buttons: the page learns the token's policy from the
// backend (GET /v3/auth/tokens) and passes it to the rules. Read-only users
// see every Stop and Delete disabled (NO_PERMISSION where the status alone
// would allow it), and the backend refuses the same jobs with the same code;
// without delete permission, Delete is disabled and Stop follows the status.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, openConsole, apiTasks, apiHeaders, rules, assertNoErrors, startServer, PROJECT } from "./helpers.mjs";

const TOKENS = { ReadOnlyAccess: "token-read-only-0001", FullWithOutDeletePermission: "token-no-delete-0001" };
let browser;
let server;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "console-policy-"));
  const file = join(dir, "tokens.json");
  writeFileSync(file, JSON.stringify(Object.entries(TOKENS).map(([policy, token]) => ({ token, project_id: PROJECT, policy }))));
  [browser, server] = await Promise.all([launchBrowser(), startServer({ DRS_TOKENS: file })]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function buttons(page) {
  return page.$$eval("tr[data-task-id]", (rows) => rows.map((tr) => {
    const reason = (action) => {
      const button = tr.querySelector(`[data-action="${action}"]`);
      const tip = button.getAttribute("aria-describedby");
      return { disabled: button.disabled, code: tip ? document.getElementById(tip).dataset.blockedCode : null };
    };
    return { id: tr.dataset.taskId, stop: reason("stop"), delete: reason("delete") };
  }));
}

const expected = (decision) => ({
  id: decision.id,
  stop: { disabled: !decision.stoppable, code: decision.blocked?.code ?? null },
  delete: { disabled: !decision.delete.available, code: decision.delete.blocked?.code ?? null },
});

for (const policy of Object.keys(TOKENS)) {
  test(`${policy}: the buttons are the rules' decisions under that policy, and the backend agrees`, async () => {
    const user = { base: server.base, token: TOKENS[policy] };
    const { page, errors } = await openConsole(browser, "migration", {}, { server: user });
    const tasks = await apiTasks("migration", user);
    const decisions = rules.evaluateStops(tasks, { policy });
    await page.waitForFunction((count) => document.querySelectorAll('tr[data-task-id] [data-action="delete"]').length === count, tasks.length);
    assert.deepEqual(await buttons(page), decisions.map(expected));
    const full = rules.evaluateStops(tasks);
    const noPermission = decisions.filter((d, i) => d.blocked?.code === "NO_PERMISSION" && full[i].stoppable);
    if (policy === "ReadOnlyAccess") {
      assert.ok(decisions.every((d) => !d.stoppable && !d.delete.available), "nothing is allowed");
      assert.equal(noPermission.length, full.filter((d) => d.stoppable).length, "every stop the status allows says NO_PERMISSION");
    } else {
      assert.deepEqual(decisions.map((d) => d.stoppable), full.map((d) => d.stoppable), "stop follows the status rules");
      assert.ok(decisions.every((d) => !d.delete.available));
      assert.ok(decisions.some((d, i) => d.delete.blocked.code === "NO_PERMISSION" && full[i].delete.available));
    }

    // The backend refuses the same jobs with the same code.
    const ask = async (jobs) => {
      const response = await fetch(new URL(`/v3/${PROJECT}/jobs/batch-jobs`, server.base), {
        method: "DELETE", headers: { "Content-Type": "application/json", ...apiHeaders(user.token) }, body: JSON.stringify({ jobs }),
      });
      assert.equal(response.status, 202);
      return (await response.json()).results;
    };
    const deletes = await ask(tasks.map((task) => ({ delete_type: "delete", job_id: task.id })));
    assert.deepEqual(deletes.map((r) => (r.status === "success" ? null : r.error_code)), decisions.map((d) => d.delete.blocked?.code ?? null));
    if (policy === "ReadOnlyAccess") {
      const stops = await ask(tasks.map((task) => ({ delete_type: "force_terminate", job_id: task.id })));
      assert.deepEqual(stops.map((r) => r.error_code), decisions.map((d) => d.modes.force.blocked.code));
    }
    assertNoErrors(errors);
    await page.close();
  });
}
