// Vite, as a console team uses it, each run checked on the whole corpus:
//   Vite 8 production builds with the default configuration: the default
//   entry (namespace and named imports), /inline, and a module worker with
//   /inline sent a message right after new Worker(); a module worker with the
//   default entry (needs worker.format "es", as the package README says);
//   the Vite 8 dev server, and Vite 6's with optimizeDeps.exclude; SSR builds with the package external and bundled;
//   Vite 5 and 6 production builds with build.target "es2022" (their default
//   target predates top-level await).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { build, createServer } from "vite";
import { build as build5 } from "vite5";
import { build as build6, createServer as createServer6 } from "vite6";
import { assertWholeCorpus, closeBrowser, corpusResultOfPage } from "./browser.mjs";
import { expectedCheckCount, runCorpus } from "./corpus.mjs";
import { cases, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

const appDir = `${workDir}vite-app/`;
const servers = [];
after(async () => {
  await closeBrowser();
  await Promise.all(servers.map((server) => server.close()));
});

/** Builds `pages` of the app with `viteBuild` and `config`; resolves to the URL of the served output. */
async function buildPages(viteBuild, name, pages, config = {}) {
  const outDir = `${workDir}vite-dist-${name}`;
  const input = Object.fromEntries(pages.map((page) => [page, `${appDir}${page}.html`]));
  const bundlerOptions = name.startsWith("vite8") ? { rolldownOptions: { input } } : { rollupOptions: { input } };
  await viteBuild({
    configFile: false,
    root: appDir,
    logLevel: "error",
    ...config,
    build: { outDir, emptyOutDir: true, ...bundlerOptions, ...config.build },
  });
  const server = await serveDirectory(outDir);
  servers.push(server);
  return server.url;
}

const builds = {
  "vite8, default configuration": [build, ["namespace-import", "named-imports", "inline", "worker-inline"], {}],
  'vite8, worker: { format: "es" }': [build, ["worker-default"], { worker: { format: "es" } }],
  'vite5, build: { target: "es2022" }': [build5, ["namespace-import", "inline"], { build: { target: "es2022" } }],
  'vite6, build: { target: "es2022" }': [build6, ["namespace-import", "inline"], { build: { target: "es2022" } }],
};

for (const [name, [viteBuild, pages, config]] of Object.entries(builds)) {
  let url;
  before(async () => {
    url = await buildPages(viteBuild, name.replace(/[^a-z0-9]+/g, "-"), pages, config);
  });
  for (const page of pages) {
    test(`${name}, production build, ${page}: the whole corpus passes in Chromium`, async () => {
      assertWholeCorpus(await corpusResultOfPage(`${url}${page}.html`));
    });
  }
}

const devServers = {
  "vite8 dev server, default configuration": [createServer, {}],
  'vite6 dev server, optimizeDeps: { exclude: ["drs-stop-rules"] }': [createServer6, { optimizeDeps: { exclude: ["drs-stop-rules"] } }],
};
for (const [name, [create, config]] of Object.entries(devServers)) {
  test(`${name}: the default entry and /inline pass the whole corpus`, async () => {
    const cacheDir = `${workDir}vite-cache-${name.slice(0, 5)}`;
    const server = await create({ configFile: false, root: appDir, cacheDir, logLevel: "error", server: { host: "127.0.0.1", port: 0 }, ...config });
    await server.listen();
    try {
      const url = server.resolvedUrls.local[0];
      for (const page of ["namespace-import", "inline"]) assertWholeCorpus(await corpusResultOfPage(`${url}${page}.html`));
    } finally {
      await server.close();
    }
  });
}

for (const [name, ssr] of Object.entries({ external: {}, "bundled (noExternal)": { noExternal: true } })) {
  test(`vite8 SSR build, the package ${name}: the whole corpus passes in Node`, async () => {
    const outDir = `${workDir}vite-ssr-${ssr.noExternal ? "bundled" : "external"}`;
    await build({ configFile: false, root: appDir, logLevel: "error", ssr, build: { ssr: "ssr-entry.js", outDir, emptyOutDir: true } });
    const output = `${outDir}/ssr-entry.mjs`;
    // Bundled means no import of the package is left (and no .wasm file beside the output is needed).
    assert.equal(/from\s*["']drs-stop-rules["']/.test(readFileSync(output, "utf8")), !ssr.noExternal);
    const { default: api } = await import(pathToFileURL(output).href);
    const result = runCorpus(api, cases);
    assert.deepEqual(result.failures, []);
    assert.equal(result.total, expectedCheckCount(cases));
  });
}
