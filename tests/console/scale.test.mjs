// 2,000 tasks: the first rows show quickly, and a tick, a keystroke or a
// status poll touches only the rows that change. Times are printed (FIGURE
// lines) and checked against the targets as medians; the hard check is the
// work done, counted in DOM mutations per row, which does not depend on how
// loaded the machine is.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, startServer, consoleUrl, rules, median, figure, apiHeaders, PROJECT, DEADLINE_MS } from "./helpers.mjs";

const COUNT = 2000;
const PAGE_SIZE = 50;
/**
 * The targets (first rows <= 1.5 s, a tick or keystroke <= 150 ms) are printed
 * as met or not; the assertion allows CONSOLE_TIME_FACTOR (default 2) times
 * the target, because wall times on a shared 2-core machine swing by that
 * much. That still fails a page that redraws the whole table (0.45-1.65 s
 * per keystroke before rows were keyed); the exact work is asserted anyway.
 */
const TARGET_FIRST_ROWS_MS = 1500;
const TARGET_INTERACTION_MS = 150;
const FACTOR = Number(process.env.CONSOLE_TIME_FACTOR ?? 2);

function checkTime(name, measured, target) {
  figure(name, measured, `ms (target ${target} ms: ${measured <= target ? "met" : "missed"})`);
  assert.ok(measured <= target * FACTOR, `${name}: ${measured} ms, more than ${FACTOR} x the ${target} ms target`);
}
const SYSTEMS = ["orders", "payments", "inventory", "crm", "billing", "ledger", "shipping", "pricing"];

let browser;
let server;
let dir;
let seed;
before(async () => {
  const statuses = rules.stopMatrix().rows.map((row) => row.status);
  seed = Array.from({ length: COUNT }, (_, i) => ({
    id: `scale-${String(i).padStart(4, "0")}`,
    name: `svc-${String(i).padStart(4, "0")}-${SYSTEMS[i % SYSTEMS.length]}`,
    db_use_type: "migration",
    status: statuses[i % statuses.length],
    engine_type: "mysql",
    task_type: "FULL_INCR_TRANS",
    create_time: 1_760_000_000_000 + i * 60_000,
  }));
  dir = mkdtempSync(join(tmpdir(), "console-scale-"));
  writeFileSync(join(dir, "seed.json"), JSON.stringify(seed));
  [browser, server] = await Promise.all([launchBrowser(), startServer({ DRS_SEED: join(dir, "seed.json"), DRS_STOP_DELAY_MS: "300" })]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts counting, per row, what changes in the table: rows added, removed, or changed inside. */
function countRowMutations(page) {
  return page.evaluate(() => {
    const tbody = document.querySelector("table.tasks tbody");
    const key = (node) => node?.dataset?.key ?? node?.closest?.("tr")?.dataset.key ?? "?";
    const log = (window.__rowMutations = { added: [], removed: [], changed: new Set() });
    window.__rowObserver?.disconnect();
    window.__rowObserver = new MutationObserver((records) => {
      for (const record of records) {
        if (record.target === tbody) {
          for (const node of record.addedNodes) log.added.push(key(node));
          for (const node of record.removedNodes) log.removed.push(key(node));
        } else {
          log.changed.add(key(record.target.nodeType === 1 ? record.target : record.target.parentElement));
        }
      }
    });
    window.__rowObserver.observe(tbody, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

function readRowMutations(page) {
  return page.evaluate(() => {
    window.__rowObserver.takeRecords(); // flushes into the callback on the next check
    const { added, removed, changed } = window.__rowMutations;
    return { added: [...added], removed: [...removed], changed: [...changed].sort() };
  });
}

/** Runs `action` in the page and times it until the next frame has been produced. */
function timed(page, action, arg) {
  return page.evaluate(async ({ source, arg }) => {
    const run = new Function("arg", `return (${source})(arg);`);
    const start = performance.now();
    run(arg);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, { source: action.toString(), arg });
}

async function openLarge(query = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(consoleUrl({ view: "migration", ...query }, server.base, server.token));
  await page.locator("tr[data-task-id]").first().waitFor({ timeout: DEADLINE_MS });
  return { page, errors };
}

test("2,000 tasks: the first rows show within 1.5 s, one page of rows is built", async () => {
  const times = [];
  for (let i = 0; i < 3; i += 1) {
    const { page, errors } = await openLarge();
    times.push(await page.evaluate(() => performance.getEntriesByName("drs-console:first-rows")[0]?.startTime ?? Infinity));
    assert.equal(await page.locator("tr[data-task-id]").count(), PAGE_SIZE, "one page of rows, not 2,000");
    assert.equal(await page.locator("[data-table-total]").textContent(), `Total records: ${COUNT}`);
    assert.equal(await page.locator("[data-page-info]").textContent(), `Page 1 of ${COUNT / PAGE_SIZE}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  figure("first_rows_ms_each", times.map((ms) => Math.round(ms)).join(","), "ms");
  checkTime("first_rows_ms_median_of_3", median(times), TARGET_FIRST_ROWS_MS);
});

test("2,000 tasks: a tick changes its own row only", async () => {
  const { page, errors } = await openLarge();
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    const id = seed[i * 3].id;
    await countRowMutations(page);
    times.push(await timed(page, (id) => document.querySelector(`tr[data-key="${id}"] [data-select]`).click(), id));
    const touched = await readRowMutations(page);
    assert.deepEqual(touched, { added: [], removed: [], changed: [id] }, `tick ${i + 1}`);
  }
  assert.equal(await page.locator("[data-table-selected]").textContent(), "5 selected");
  checkTime("tick_ms_median_of_5", median(times), TARGET_INTERACTION_MS);
  assert.deepEqual(errors, []);
  await page.close();
});

test("2,000 tasks: a search keystroke adds and removes only the rows that enter or leave the page", async () => {
  const { page, errors } = await openLarge();
  // What the page shows for a search: the tasks whose name or id contains it, one page.
  const firstPage = (query) => seed.filter((task) => `${task.name}\n${task.id}`.toLowerCase().includes(query)).slice(0, PAGE_SIZE).map((task) => task.id);
  const times = [];
  let previous = "";
  // Narrowing and widening again, as typing and Backspace do.
  for (const query of ["1", "19", "199", "1999", "199"]) {
    const before = firstPage(previous);
    const after = firstPage(query);
    previous = query;
    await countRowMutations(page);
    times.push(await timed(page, (text) => {
      const input = document.querySelector('input[name="filter"]');
      input.value = text;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, data: text.at(-1) }));
    }, query));
    const touched = await readRowMutations(page);
    assert.deepEqual(touched.changed, [], `"${query}": no row that stays is redrawn`);
    assert.deepEqual(new Set(touched.removed), new Set(before.filter((id) => !after.includes(id))), `"${query}": rows removed`);
    assert.deepEqual(new Set(touched.added), new Set(after.filter((id) => !before.includes(id))), `"${query}": rows added`);
    assert.deepEqual(await page.locator("tr[data-task-id]").evaluateAll((rows) => rows.map((tr) => tr.dataset.key)), after);
  }
  checkTime("keystroke_ms_median_of_5", median(times), TARGET_INTERACTION_MS);
  assert.deepEqual(errors, []);
  await page.close();
});

test("2,000 tasks: a refresh in which one task changed redraws that row only", async () => {
  const { page, errors } = await openLarge({ refresh: 1 });
  const target = seed.find((task, i) => i < PAGE_SIZE && rules.evaluateStop(task).stoppable && !rules.evaluateStop(task).abnormal);
  await countRowMutations(page);
  const response = await fetch(new URL(`/v3/${PROJECT}/jobs/batch-jobs`, server.base), {
    method: "DELETE",
    headers: { "Content-Type": "application/json", ...apiHeaders(server.token) },
    body: JSON.stringify({ jobs: [{ delete_type: "terminate", job_id: target.id }] }),
  });
  assert.equal((await response.json()).results[0].status, "success");
  const stopped = rules.statusLabel("migration", "RELEASE_RESOURCE_COMPLETE");
  await page.locator(`tr[data-key="${target.id}"] .badge-label`).filter({ hasText: stopped }).waitFor({ timeout: DEADLINE_MS });
  // Two more automatic refreshes, with nothing new, must touch nothing.
  let lists = 0;
  page.on("response", (response) => response.url().includes("/jobs?") && (lists += 1));
  const deadline = Date.now() + DEADLINE_MS;
  while (lists < 2 && Date.now() < deadline) await page.waitForTimeout(100);
  assert.ok(lists >= 2, "the list refreshed by itself");
  const { added, removed, changed } = await readRowMutations(page);
  // The changed task's row was rebuilt (replaced in place); no other row was touched.
  assert.deepEqual([...new Set([...added, ...removed, ...changed])], [target.id]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("index.html preloads every module of the page, so they load at once", () => {
  const www = new URL("../../www/", import.meta.url);
  const html = readFileSync(new URL("index.html", www), "utf8");
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]).filter((href) => !href.startsWith("/pkg/")).sort();
  const modules = readdirSync(www).filter((name) => name.endsWith(".js") && name !== "app.js").sort();
  assert.deepEqual(preloaded, modules);
});
