// Shared setup for the console's browser tests: Debian's Chromium through
// playwright-core, the console served by scripts/test-console.sh (CONSOLE_URL),
// the task list straight from the API, and the package itself (Node build) for
// the expected decisions.

import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export * as rules from "../../pkg/node/index.mjs";

export const BASE = new URL(process.env.CONSOLE_URL ?? "http://127.0.0.1:8080/");
/** The backend's token, when it asks for one (scripts/test-console.sh exports it). */
export const TOKEN = process.env.CONSOLE_TOKEN ?? "";
export const PROJECT = "0549b0bd2b00d3f52f9cc0138c6b0f1e";

/** The console's address for a view (`?view=…&…`), with the token in the hash. */
export function consoleUrl(query = {}, base = BASE, token = TOKEN) {
  const url = new URL("/", base);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  if (token) url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}

/** Headers for calls straight to the API. */
export function apiHeaders(token = TOKEN) {
  return token ? { "X-Auth-Token": token } : {};
}
export const KINDS = ["migration", "sync", "cloudDataGuard"];

export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/**
 * Opens the console on a tab, collecting page errors and console errors.
 * @returns {Promise<{ page: import("playwright-core").Page, errors: string[] }>}
 */
export async function openConsole(browser, kind = "migration", query = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  await page.goto(consoleUrl({ view: kind, ...query }));
  const tasks = await apiTasks(kind);
  await waitForRows(page, tasks);
  return { page, errors };
}

/** Waits until the table shows exactly these tasks. */
export async function waitForRows(page, tasks) {
  await page.waitForFunction(
    (ids) => {
      const shown = [...document.querySelectorAll("tr[data-task-id]")].map((row) => row.dataset.taskId);
      return shown.length === ids.length && shown.every((id, i) => id === ids[i]);
    },
    tasks.map((task) => task.id),
  );
}

/** The tasks of one kind, as the API returns them. */
export async function apiTasks(kind) {
  const response = await fetch(new URL(`/v3/${PROJECT}/jobs?db_use_type=${kind}`, BASE), { headers: apiHeaders() });
  assert.equal(response.status, 200);
  return (await response.json()).jobs;
}

/** The first task of a kind matching `predicate`. */
export async function findTask(kind, predicate) {
  const task = (await apiTasks(kind)).find(predicate);
  assert.ok(task, `no ${kind} task matches ${predicate}`);
  return task;
}

/** A healthy task: no flags set. */
export const plain = (task) => !task.network_abnormal && !task.is_parent && !task.configuration_failed && !task.multi_write;

export const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], "the page reported errors");
}
