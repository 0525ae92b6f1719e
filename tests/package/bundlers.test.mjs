// Bundlers other than Vite, each with its documented setup and no other
// configuration, the bundle run in Chromium on the whole corpus:
//   webpack 5, the default entry (the .wasm as an asset, top-level await);
//   esbuild --bundle (its default iife format) and Rollup with node-resolve,
//   through drs-stop-rules/inline (neither copies a .wasm asset).
import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import nodeResolve from "@rollup/plugin-node-resolve";
import * as esbuild from "esbuild";
import { rollup } from "rollup";
import webpack from "webpack";
import { assertWholeCorpus, closeBrowser, corpusResultOfPage } from "./browser.mjs";
import { workDir } from "./scratch-project.mjs";
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
    const compiler = webpack({ mode: "production", context: dir, entry: "./default.js", output: { path: `${dir}out-webpack`, filename: "main.js" } });
    const stats = await promisify(compiler.run.bind(compiler))();
    await promisify(compiler.close.bind(compiler))();
    assert.deepEqual(stats.toJson({ all: false, errors: true }).errors, []);
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
