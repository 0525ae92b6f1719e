// Bundlers other than Vite, each with its documented setup and no other
// configuration, the bundle run in Chromium on the whole corpus:
//   webpack 5, the default entry (the .wasm as an asset, top-level await);
//   esbuild --bundle (its default iife format) and Rollup with node-resolve,
//   through drs-stop-rules/inline (neither copies a .wasm asset).
// And server code bundled for Node (esbuild --platform=node, webpack
// target "node"), the package bundled into it, run in Node on the corpus.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import nodeResolve from "@rollup/plugin-node-resolve";
import * as esbuild from "esbuild";
import { rollup } from "rollup";
import webpack from "webpack";
import { assertWholeCorpus, closeBrowser, corpusResultOfPage } from "./browser.mjs";
import { expectedCheckCount, runCorpus } from "./corpus.mjs";
import { cases, workDir } from "./scratch-project.mjs";
import { serveDirectory } from "./static-server.mjs";

const dir = `${workDir}bundlers/`;
let server;

/** A page that loads `script` (a module, or a classic script for iife and webpack's runtime). */
function page(name, script, type) {
  writeFileSync(`${dir}${name}.html`, `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script ${type === "module" ? 'type="module" ' : ""}src="${script}"></script>\n`);
  return `bundlers/${name}.html`;
}

const builds = {
  async webpack() {
    await runWebpack({ mode: "production", context: dir, entry: "./default.js", output: { path: `${dir}out-webpack`, filename: "main.js" } });
    assert.ok(readdirSync(`${dir}out-webpack`).some((f) => f.endsWith(".wasm")), "webpack emitted no .wasm asset");
    return page("webpack", "out-webpack/main.js", "classic");
  },
  async esbuild() {
    await esbuild.build({ entryPoints: [`${dir}inline.js`], bundle: true, outfile: `${dir}out-esbuild/main.js`, logLevel: "error" });
    return page("esbuild", "out-esbuild/main.js", "classic");
  },
  async rollup() {
    const bundle = await rollup({ input: `${dir}inline.js`, plugins: [nodeResolve({ browser: true })] });
    await bundle.write({ file: `${dir}out-rollup/main.js`, format: "es" });
    await bundle.close();
    return page("rollup", "out-rollup/main.js", "module");
  },
};

before(async () => {
  server = await serveDirectory(workDir);
});
after(async () => {
  await closeBrowser();
  await server?.close();
});

for (const [name, build] of Object.entries(builds)) {
  test(`${name}: the bundle passes the whole corpus in Chromium`, async () => {
    const url = await build();
    assertWholeCorpus(await corpusResultOfPage(`${server.url}${url}`));
  });
}

/** Runs webpack with `config`, failing on any error. */
async function runWebpack(config) {
  const compiler = webpack(config);
  const stats = await promisify(compiler.run.bind(compiler))();
  await promisify(compiler.close.bind(compiler))();
  assert.deepEqual(stats.toJson({ all: false, errors: true }).errors, []);
}

const serverBundles = {
  async "esbuild --platform=node"() {
    const outfile = `${dir}out-ssr-esbuild/server.mjs`;
    await esbuild.build({ entryPoints: [`${dir}ssr-entry.js`], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
    return { file: outfile, api: (await import(pathToFileURL(outfile).href)).default };
  },
  async 'webpack target: "node"'() {
    const path = `${dir}out-ssr-webpack`;
    await runWebpack({ mode: "production", target: "node", context: dir, entry: "./ssr-entry.js", output: { path, filename: "server.cjs", library: { type: "commonjs2" } } });
    return { file: `${path}/server.cjs`, api: createRequire(import.meta.url)(`${path}/server.cjs`).default };
  },
};

for (const [name, bundle] of Object.entries(serverBundles)) {
  test(`server code bundled by ${name}, the package inside: the whole corpus passes in Node`, async () => {
    const { file, api } = await bundle();
    assert.doesNotMatch(readFileSync(file, "utf8"), /["']drs-stop-rules["']/, "the package was left external");
    const result = runCorpus(api, cases);
    assert.deepEqual(result.failures, []);
    assert.equal(result.total, expectedCheckCount(cases));
  });
}
