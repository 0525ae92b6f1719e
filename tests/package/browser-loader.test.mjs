// The browser entry (web/index.js) loads its .wasm on import with a loader of
// its own: each way the server can answer gives the outcome a page expects.
// Node has fetch, Response and WebAssembly.instantiateStreaming like a
// browser; fetch is stubbed to answer from disk as a given server would.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { packageDir } from "./scratch-project.mjs";

const entryUrl = pathToFileURL(`${packageDir}web/index.js`).href;
let fresh = 0;
/** What the last import warned about (kept when it rejects, too). */
let warnings = [];

/** Imports a fresh instance of the browser entry while fetch answers with `respond(bytes, url)`. */
async function importWith(respond) {
  const realFetch = globalThis.fetch;
  const realWarn = console.warn;
  const fetched = [];
  warnings = [];
  globalThis.fetch = async (url) => {
    fetched.push(String(url));
    return respond(await readFile(new URL(url)));
  };
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    fresh += 1;
    const module = await import(`${entryUrl}?loader-case=${fresh}`);
    return { module, fetched };
  } finally {
    globalThis.fetch = realFetch;
    console.warn = realWarn;
  }
}

const running = { db_use_type: "sync", status: "INCRE_TRANSFER_STARTED" };

test("served as application/wasm: compiled while streaming, no warning", async () => {
  const { module, fetched } = await importWith(
    (bytes) => new Response(bytes, { headers: { "content-type": "application/wasm" } }),
  );
  assert.deepEqual(fetched, [new URL("drs_stop_rules_bg.wasm", entryUrl).href]);
  assert.deepEqual(warnings, []);
  assert.equal(module.evaluateStop(running).stoppable, true);
});

test("served with another type: still loads, from its bytes, and says why it is slower", async () => {
  const { module } = await importWith(
    (bytes) => new Response(bytes, { headers: { "content-type": "application/octet-stream" } }),
  );
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /not served as application\/wasm/);
  assert.equal(module.evaluateStop(running).stoppable, true);
  assert.equal(module.evaluateStops([running, running]).length, 2);
});

test("a failed download: the import rejects with the status and the address", async () => {
  await assert.rejects(
    importWith(() => new Response("gone", { status: 404, statusText: "Not Found" })),
    (error) => {
      assert.match(error.message, /^failed to fetch Wasm: 404 Not Found/);
      return true;
    },
  );
});

test("served as application/wasm but not a module: the compile error is not hidden by a retry", async () => {
  await assert.rejects(
    importWith(() => new Response(new Uint8Array([0, 1, 2, 3]), { headers: { "content-type": "application/wasm" } })),
    (error) => {
      assert.ok(error instanceof WebAssembly.CompileError, `a CompileError, not ${error}`);
      return true;
    },
  );
  assert.deepEqual(warnings, [], "no retry from the bytes: the type was right");
});
