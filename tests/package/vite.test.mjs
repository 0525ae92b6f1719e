import assert from "node:assert/strict";
import { test } from "node:test";
import { build } from "vite";
import { corpusResultOfPage } from "./browser.mjs";
import { expectedCheckCount } from "./corpus.mjs";
import { cases, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

test("Vite production build: the whole corpus passes in Chromium", async () => {
  const outDir = `${workDir}vite-dist`;
  await build({
    configFile: false,
    root: `${workDir}vite-app`,
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  const server = await serveDirectory(outDir);
  try {
    const { result, pageErrors } = await corpusResultOfPage(server.url);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(result.failures, []);
    assert.equal(result.total, expectedCheckCount(cases));
  } finally {
    await server.close();
  }
});
