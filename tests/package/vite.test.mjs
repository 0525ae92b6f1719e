import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { build } from "vite";
import { corpusResultOfPage } from "./browser.mjs";
import { expectedCheckCount } from "./corpus.mjs";
import { cases, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

const appDir = `${workDir}vite-app/`;
const pages = ["namespace-import", "named-imports"];
let server;

before(async () => {
  const outDir = `${workDir}vite-dist`;
  await build({
    configFile: false,
    root: appDir,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, `${appDir}${page}.html`])) },
    },
  });
  server = await serveDirectory(outDir);
});
after(() => server?.close());

for (const page of pages) {
  test(`Vite production build, ${page}: the whole corpus passes in Chromium`, async () => {
    const { result, pageErrors } = await corpusResultOfPage(`${server.url}${page}.html`);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(result.failures, []);
    assert.equal(result.total, expectedCheckCount(cases));
  });
}
