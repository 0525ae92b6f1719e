// Every entry of the package gives the same decisions: the default browser
// entry (web/index.js), /inline (also Node's import), CommonJS and /web with
// initSync, each loaded in Node and compared on every case of the corpus;
// and /inline is ready on import with no top-level await.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expectedCheckCount, runCorpus } from "./corpus.mjs";
import { cases, packageDir, workDir } from "./scratch-project.mjs";

const requireInProject = createRequire(`${workDir}package.json`);

async function entries() {
  // The browser entry fetches its .wasm beside itself: answer file: URLs from disk.
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => new Response(await readFile(new URL(url)), { headers: { "content-type": "application/wasm" } });
  try {
    const web = await import(pathToFileURL(`${packageDir}web/drs_stop_rules.js`).href);
    web.initSync({ module: await readFile(`${packageDir}web/drs_stop_rules_bg.wasm`) });
    return {
      browser: await import(pathToFileURL(`${packageDir}web/index.js`).href),
      inline: await import(pathToFileURL(`${packageDir}inline/index.js`).href),
      commonjs: requireInProject("drs-stop-rules"),
      web,
    };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** Everything the corpus asks of an entry, as plain data (errors as their code and path). */
function answers(api) {
  const attempt = (call) => {
    try {
      return call();
    } catch (error) {
      return { thrown: error.name, code: error.code, path: error.path, message: error.message };
    }
  };
  const method = (c) => (c.op === "plan" ? "planStop" : c.op === "plan-delete" ? "planDelete" : Array.isArray(c.input) ? "evaluateStops" : "evaluateStop");
  return {
    decisions: cases.decisions.map((c) => attempt(() => api.evaluateStop(c.task, { lang: c.lang, policy: c.policy }))),
    batch: attempt(() => api.evaluateStops(cases.decisions.map((c) => c.task))),
    plans: cases.plans.map((c) => attempt(() => api.planStop(c.input))),
    deletePlans: cases.delete_plans.map((c) => attempt(() => api.planDelete(c.input))),
    errors: cases.errors.map((c) => attempt(() => api[method(c)](c.input))),
    labels: cases.labels.map((c) => api.statusLabel(c.db_use_type, c.status, c.lang)),
    matrix: [api.stopMatrix("en-us"), api.stopMatrix("zh-cn")],
    rulesVersion: api.rulesVersion(),
  };
}

test("the browser entry, /inline, CommonJS and /web give deep-equal answers on the whole corpus", async () => {
  const loaded = await entries();
  const expected = answers(loaded.browser);
  assert.equal(runCorpus(loaded.browser, cases).total, expectedCheckCount(cases));
  assert.deepEqual(runCorpus(loaded.browser, cases).failures, []);
  for (const [name, api] of Object.entries(loaded)) {
    assert.deepEqual(answers(api), expected, `${name} differs from the browser entry`);
  }
});

test("Node resolves import of the package to /inline and require() to the CommonJS build", async () => {
  const script = 'console.log(import.meta.resolve("drs-stop-rules"), import.meta.resolve("drs-stop-rules/inline"))';
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: workDir });
  const [main, inline] = stdout.trim().split(" ");
  assert.equal(main, inline);
  assert.equal(main, pathToFileURL(`${packageDir}inline/index.js`).href);
  assert.equal(requireInProject.resolve("drs-stop-rules"), `${packageDir}node/index.cjs`);
});

// require() of an ES module fails (ERR_REQUIRE_ASYNC_MODULE) when it, or a
// module it imports, has a top-level await; the browser entry is the control.
test("/inline is ready on import without a top-level await (require() of the ES module works)", () => {
  const inline = requireInProject("drs-stop-rules/inline");
  assert.equal(inline.evaluateStop({ db_use_type: "sync", status: "PAUSED" }).status, "PAUSING");
  assert.throws(() => requireInProject(`${packageDir}web/index.js`), { code: "ERR_REQUIRE_ASYNC_MODULE" });
});
