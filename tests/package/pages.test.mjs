// Pages without a bundler in Chromium, each running the whole corpus: the
// default browser entry, drs-stop-rules/inline (compiled synchronously on the
// main thread), and a module worker answering a message posted right after
// new Worker(); then the same pages under a strict Content-Security-Policy.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertWholeCorpus, closeBrowser, corpusResultOfPage } from "./browser.mjs";
import { workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
const pages = ["default", "inline", "worker"];
let plain;
let strict;
let noWasm;

before(async () => {
  plain = await serveDirectory(workDir);
  strict = await serveDirectory(workDir, { "content-security-policy": STRICT_CSP });
  noWasm = await serveDirectory(workDir, { "content-security-policy": "script-src 'self'" });
});
after(async () => {
  await closeBrowser();
  await Promise.all([plain, strict, noWasm].map((server) => server?.close()));
});

const versions = new Set();
for (const page of pages) {
  test(`no bundler, ${page}: the whole corpus passes in Chromium`, async () => {
    const outcome = await corpusResultOfPage(`${plain.url}pages/${page}.html`);
    versions.add(assertWholeCorpus(outcome).rulesVersion);
    for (const line of outcome.consoleLines.filter((l) => l.startsWith("FIGURE"))) console.log(line);
  });
  test(`under Content-Security-Policy ${STRICT_CSP}, ${page}: the whole corpus passes`, async () => {
    versions.add(assertWholeCorpus(await corpusResultOfPage(`${strict.url}pages/${page}.html`)).rulesVersion);
  });
}

test("every entry reports the same rulesVersion", () => {
  assert.equal(versions.size, 1, [...versions].join());
});

// The control: the CSP header is enforced, and WebAssembly needs 'wasm-unsafe-eval'.
for (const page of ["default", "inline"]) {
  test(`without 'wasm-unsafe-eval', ${page} is refused compiling WebAssembly`, async () => {
    const { result, pageErrors } = await corpusResultOfPage(`${noWasm.url}pages/${page}.html`);
    assert.ok(result.timeout, "the page ran the corpus");
    assert.match(pageErrors.join("\n"), /CompileError|wasm-unsafe-eval|Content Security Policy/);
  });
}
