import assert from "node:assert/strict";
import { test } from "node:test";
import { corpusResultOfPage } from "./browser.mjs";
import { expectedCheckCount } from "./corpus.mjs";
import { cases, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

test("plain <script type=module> page: the whole corpus passes in Chromium", async () => {
  const server = await serveDirectory(workDir);
  try {
    const { result, pageErrors } = await corpusResultOfPage(`${server.url}plain.html`);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(result.failures, []);
    assert.equal(result.total, expectedCheckCount(cases));
  } finally {
    await server.close();
  }
});
