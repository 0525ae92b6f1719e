// The Chromium half of `make bench`: the package's browser entry and the
// yardstick in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, the flags the package tests use). Serves the repository
// on 127.0.0.1 (ephemeral port), cross-origin isolated so performance.now()
// has fine resolution.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { launchOptions } from "../scripts/chromium.mjs";
import { median } from "./rounds.mjs";

const CONTENT_TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
// Only these folders are served.
const SERVED = ["/pkg/", "/bench/", "/target/bench/www/", "/tests/corpus/"];
const BLANK = "<!doctype html><meta charset=utf-8><link rel=icon href='data:,'><title>bench</title>";

/** The size of `body` compressed by `gzip -9` (no name or time stored). */
const gzip9 = (body) => execFileSync("gzip", ["-9", "-n", "-c"], { input: body, maxBuffer: 1 << 28 }).length;

async function serve(root) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    const headers = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cache-control": "no-store" };
    if (pathname === "/") return response.writeHead(200, { ...headers, "content-type": "text/html" }).end(BLANK);
    const file = normalize(join(root, pathname));
    if (!SERVED.some((prefix) => pathname.startsWith(prefix)) || !file.startsWith(normalize(root + sep))) {
      return response.writeHead(403).end();
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A fresh context (empty caches) with a blank page of the server's origin. */
async function freshPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${url}/`);
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error("the bench page is not cross-origin isolated");
  return { page, errors, close: () => context.close() };
}

/**
 * Everything measured in Chromium. `entries`: { pkg, yardstick } URL paths of
 * the package's browser entry and the yardstick's page entry.
 */
export async function measureChromium(root, entries, { rounds, sizes, firstCallSamples, varied }) {
  const server = await serve(root);
  const browser = await chromium.launch({ ...launchOptions, args: [...launchOptions.args, "--js-flags=--expose-gc"] });
  try {
    const result = { version: browser.version() };

    // Deep equality and speed, in one page with both loaded.
    const main = await freshPage(browser, server.url);
    try {
      const out = await main.page.evaluate(
        async ({ entries, rounds, sizes, varied }) => {
          const [pkg, yardstick, { verifyYardstick }, { realisticTasks }, { timeRounds }] = await Promise.all(
            [entries.pkg, entries.yardstick, "/bench/verify.mjs", "/bench/tasks.mjs", "/bench/rounds.mjs"].map((u) => import(u)),
          );
          const cases = await (await fetch("/tests/corpus/cases.json")).json();
          const verified = verifyYardstick(pkg, yardstick, cases, { varied });
          if (verified.failures.length) return { verified };
          const speed = {};
          for (const size of sizes) {
            const tasks = realisticTasks(size);
            speed[size] = timeRounds({ pkg: (t) => pkg.evaluateStops(t), yardstick: (t) => yardstick.evaluateStops(t) }, tasks, {
              rounds,
              now: () => performance.now(),
              collect: () => globalThis.gc(),
            });
          }
          return { verified, speed };
        },
        { entries, rounds, sizes, varied },
      );
      if (main.errors.length) throw new Error(`page errors: ${main.errors.join("; ")}`);
      Object.assign(result, out);
    } finally {
      await main.close();
    }
    if (result.verified.failures.length) return result;

    // First call: a fresh context per sample, import() to the end of evaluateStops(1k).
    const firstCall = { package: [], yardstick: [] };
    const importOnly = { package: [], yardstick: [] };
    const loaded = {};
    for (let i = 0; i < firstCallSamples; i++) {
      for (const name of i % 2 ? ["yardstick", "package"] : ["package", "yardstick"]) {
        const fresh = await freshPage(browser, server.url);
        try {
          const { ms, importMs, files } = await fresh.page.evaluate(async (entry) => {
            const { realisticTasks } = await import("/bench/tasks.mjs");
            const tasks = realisticTasks(1000);
            const start = performance.now();
            const api = await import(entry);
            const imported = performance.now();
            const decisions = api.evaluateStops(tasks);
            const ms = performance.now() - start;
            if (decisions.length !== tasks.length) throw new Error("wrong number of decisions");
            const files = performance
              .getEntriesByType("resource")
              .filter((e) => e.startTime >= start)
              .map((e) => new URL(e.name).pathname);
            return { ms, importMs: imported - start, files };
          }, entries[name === "package" ? "pkg" : "yardstick"]);
          firstCall[name].push(ms);
          importOnly[name].push(importMs);
          loaded[name] = files;
        } finally {
          await fresh.close();
        }
      }
    }
    const ratios = firstCall.package.map((ms, i) => ms / firstCall.yardstick[i]);
    // Where the time goes: the import (fetching, compiling, instantiating) and the first batch after it.
    const split = (name) => ({
      import_ms: Number(median(importOnly[name]).toFixed(1)),
      batch_ms: Number(median(firstCall[name].map((ms, i) => ms - importOnly[name][i])).toFixed(1)),
    });
    result.first_call = {
      package_ms: Number(median(firstCall.package).toFixed(1)),
      yardstick_ms: Number(median(firstCall.yardstick).toFixed(1)),
      ratio: Number(median(ratios).toFixed(2)),
      round_ratios: ratios.map((r) => Number(r.toFixed(2))),
      package: split("package"),
      yardstick: split("yardstick"),
    };
    // Every file the import() loaded (the entry itself included), compressed by GNU gzip -9, as the
    // target is stated (Node's zlib at level 9 gives a few hundred bytes more for the same files).
    result.bytes = {};
    for (const [name, files] of Object.entries(loaded)) {
      const sized = await Promise.all(
        [...new Set([entries[name === "package" ? "pkg" : "yardstick"], ...files])].map(async (path) => {
          const body = await readFile(join(root, path));
          return { file: path.slice(1), bytes: body.length, gzip_bytes: gzip9(body) };
        }),
      );
      result.bytes[name] = { files: sized, gzip_bytes: sized.reduce((sum, f) => sum + f.gzip_bytes, 0) };
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
