// Shared setup for the console's browser tests: Debian's Chromium through
// playwright-core, the console served by scripts/test-console.sh (CONSOLE_URL),
// the task list straight from the API, and the package itself (Node build) for
// the expected decisions.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { launchOptions } from "../../scripts/chromium.mjs";

export * as rules from "../../pkg/inline/index.js";

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

/** The backend scripts/test-console.sh started, shared by the test files (one at a time). */
export const SHARED = { base: BASE, token: TOKEN };

/** A query parameter of the page's address as the page sees it (page.url() may lag behind replaceState). */
export function urlParam(page, name) {
  return page.evaluate((key) => new URL(location.href).searchParams.get(key), name);
}

/** Headers for calls straight to the API. */
export function apiHeaders(token = TOKEN) {
  return token ? { "X-Auth-Token": token } : {};
}
export const KINDS = ["migration", "sync", "cloudDataGuard"];

export function launchBrowser() {
  // Chromium's flags live in one place (scripts/chromium.mjs, from webdriver.json).
  return chromium.launch(launchOptions);
}

/**
 * Opens the console on a tab, collecting page errors and console errors.
 * @returns {Promise<{ page: import("playwright-core").Page, errors: string[] }>}
 */
export async function openConsole(browser, kind = "migration", query = {}, { context: contextOptions, server = SHARED } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.once("close", () => context.close().catch(() => {}));
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  await page.goto(consoleUrl({ view: kind, ...query }, server.base, server.token));
  const tasks = await apiTasks(kind, server);
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
export async function apiTasks(kind, server = SHARED) {
  const response = await fetch(new URL(`/v3/${PROJECT}/jobs?db_use_type=${kind}`, server.base), { headers: apiHeaders(server.token) });
  assert.equal(response.status, 200);
  return (await response.json()).jobs;
}

/** The first task of a kind matching `predicate`. */
export async function findTask(kind, predicate, server = SHARED) {
  const task = (await apiTasks(kind, server)).find(predicate);
  assert.ok(task, `no ${kind} task matches ${predicate}`);
  return task;
}

/** A healthy task: no flags set. */
export const plain = (task) => !task.network_abnormal && !task.is_parent && !task.configuration_failed && !task.multi_write;

export const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], "the page reported errors");
}

/**
 * Starts a backend of our own (for a seed, tokens or an outage the shared
 * server must not see), on a free port, and waits for the URL it prints.
 * @param {Record<string, string>} env  extra environment (DRS_SEED, DRS_STOP_DELAY_MS, …)
 * @returns {Promise<{ base: URL, token: string, stop: () => Promise<void> }>}
 */
export async function startServer(env = {}) {
  const token = env.DRS_AUTH_TOKEN ?? `test-${randomBytes(12).toString("hex")}`;
  const child = spawn(SERVER_BIN, [], {
    env: { ...process.env, PORT: "0", DRS_AUTH_TOKEN: token, DRS_WWW_DIR: fileURLToPath(new URL("../../www", import.meta.url)),
      DRS_PKG_DIR: fileURLToPath(new URL("../../pkg/web", import.meta.url)), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server printed no URL within ${DEADLINE_MS} ms:\n${output}`)), DEADLINE_MS);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[0]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    base,
    token,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Generous deadlines for a loaded machine; CONSOLE_DEADLINE_MS changes them all. */
export const DEADLINE_MS = Number(process.env.CONSOLE_DEADLINE_MS ?? 15_000);
const SERVER_BIN = process.env.CONSOLE_SERVER_BIN
  ?? join(process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL("../../target", import.meta.url)), "debug", "drs-console-server");

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints a measured figure in the form the README's tables are filled from. */
export function figure(name, value, unit = "") {
  console.log(`FIGURE console.${name} ${typeof value === "number" ? Math.round(value * 10) / 10 : value}${unit ? ` ${unit}` : ""}`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations on the page as it is now (open
 * the page with `{ context: { bypassCSP: true } }`: axe is injected as a script).
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length,
        first: violation.nodes.slice(0, 3).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`) }));
  });
}

/**
 * Records every moment focus sits on <body> (or nowhere) from now on: after
 * each focus change and on every frame. `read()` returns what was seen.
 */
export async function watchFocus(page) {
  await page.evaluate(() => {
    const seen = (window.__focusOnBody = []);
    const check = (when) => {
      if (document.activeElement === null || document.activeElement === document.body) seen.push(when);
    };
    document.addEventListener("focusout", (event) => {
      const left = `${event.target.tagName}.${event.target.className}[${event.target.dataset?.action ?? ""}]`;
      setTimeout(() => check(`a task after leaving ${left}`), 0);
    }, true);
    const frame = () => {
      check("on a frame");
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return { read: () => page.evaluate(() => [...new Set(window.__focusOnBody)]) };
}
