import assert from "node:assert/strict";
import { test } from "node:test";
import { launchOptions } from "./browser.mjs";
import { cases, importEsm, requireCjs, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";
import { chromium } from "playwright-core";

// evaluateStops runs through the package's JS front (src/wasm/front.js) and
// templates; evaluateStop through the careful reader and one serde
// conversion per call. Every corpus task, and every item of the corpus's v3
// and v5 list answers, must get the same decision from both, in full (not
// the corpus's partial expectations), in every language option, twice (the
// second time from remembered templates). That the list items take the fast
// path at all (the wasm reads none of them) is checked here in Chromium and
// in fast-path-items.test.mjs in Node.
const OPTIONS = [undefined, null, {}, { lang: "en-us" }, { lang: "zh-cn" }, { lang: " ZH_cn " }, { lang: "fr-fr" }, { policy: "ReadOnlyAccess" }, { lang: "zh-cn", policy: "FullWithOutDeletePermission" }, { policy: "Auditor" }];
const tasks = [...cases.decisions.map((c) => c.task), ...cases.lists.flatMap((list) => list.response.jobs)];

function compareInNode(api) {
  for (const options of OPTIONS) {
    const oneByOne = tasks.map((task) => api.evaluateStop(task, options));
    for (let round = 0; round < 2; round++) assert.deepStrictEqual(api.evaluateStops(tasks, options), oneByOne);
  }
}

test("Node ESM and CommonJS: evaluateStops equals evaluateStop in full on every corpus task", async () => {
  compareInNode(await importEsm());
  compareInNode(requireCjs());
});

test("Chromium, the browser entry: evaluateStops equals evaluateStop in full on every corpus task; the wasm reads no list item", async () => {
  const server = await serveDirectory(workDir);
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}pages/default.html`);
    const { differences, reads } = await page.evaluate(
      async ({ tasks, options, listStart }) => {
        const api = await import("../node_modules/drs-stop-rules/web/index.js");
        const found = [];
        for (const o of options) {
          const oneByOne = JSON.stringify(tasks.map((task) => api.evaluateStop(task, o)));
          for (let round = 0; round < 2; round++) {
            const batch = api.evaluateStops(tasks, o);
            const plain = batch.every((d) => Object.getPrototypeOf(d) === Object.prototype);
            if (!plain || JSON.stringify(batch) !== oneByOne) found.push(`options ${JSON.stringify(o)}, round ${round}`);
          }
        }
        // The wasm's reads of list items (the glue's Reflect.get): evaluateStop's careful reader
        // makes them; evaluateStops, whose front reads the items itself, must make none.
        const items = tasks.slice(listStart);
        const parts = (item) => [item, item.job_action, item.job_action?.available_actions, item.job_action?.unavailable_actions, item.children];
        const watched = new Set(items.flatMap(parts).filter((part) => typeof part === "object" && part !== null));
        const original = Reflect.get;
        const counted = { careful: 0, batch: 0 };
        let counter = "careful";
        Reflect.get = (target, ...rest) => {
          if (watched.has(target)) counted[counter] += 1;
          return original(target, ...rest);
        };
        try {
          api.evaluateStop(items.find((item) => item.job_type && item.job_action && item.children?.length));
          counter = "batch";
          for (const o of options) api.evaluateStops(items, o);
        } finally {
          Reflect.get = original;
        }
        return { differences: found, reads: counted };
      },
      { tasks, options: OPTIONS, listStart: cases.decisions.length },
    );
    assert.deepEqual(differences, []);
    assert.ok(reads.careful >= 3, `the hook saw ${reads.careful} reads of evaluateStop's careful reader`);
    assert.equal(reads.batch, 0, "evaluateStops: the wasm read list items");
  } finally {
    await browser.close();
    await server.close();
  }
});
