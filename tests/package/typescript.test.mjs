// The package's declarations, as a TypeScript consumer meets them: tsc --strict
// over a consumer of every function and type (bundler, node16 and nodenext
// resolution, ESM and CJS, with TypeScript 7; node10, which TypeScript 7 no
// longer has, with TypeScript 5), wrong calls that must fail, the subpath
// exports (/inline, /web, /wasm), no `any` in the entry declarations, and a
// declaration for every runtime export.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { packageDir, workDir } from "./scratch-project.mjs";

const tsc = fileURLToPath(new URL("../../node_modules/.bin/tsc", import.meta.url));
const tsc5 = fileURLToPath(new URL("./node_modules/typescript5/bin/tsc", import.meta.url));
const typesDir = join(workDir, "types");
mkdirSync(typesDir, { recursive: true });

const resolutions = {
  bundler: { module: "esnext", moduleResolution: "bundler", extensions: [".ts"] },
  node16: { module: "node16", moduleResolution: "node16", extensions: [".mts", ".cts"] },
  nodenext: { module: "nodenext", moduleResolution: "nodenext", extensions: [".mts", ".cts"] },
  // One tsc 5 run for the main entry and the subpaths (the DOM library is slow to read).
  node10: { module: "commonjs", moduleResolution: "node10", extensions: [".ts"], compiler: tsc5, alsoSubpaths: true },
};

/**
 * Runs tsc --strict --noEmit on `files` (in .work/types) under one resolution;
 * returns { ok, errors }, errors as "file(line,col): error TS…: …" lines.
 */
async function compile(resolution, files, lib = ["es2022"]) {
  const { module, moduleResolution, compiler = tsc } = resolutions[resolution];
  const config = join(typesDir, `tsconfig.${resolution}.${files.join("+")}.json`);
  const compilerOptions = { module, moduleResolution, target: "es2022", lib, types: [], skipLibCheck: false };
  writeFileSync(config, JSON.stringify({ compilerOptions, files }));
  try {
    await promisify(execFile)(compiler, ["-p", config, "--strict", "--noEmit", "--pretty", "false"], { cwd: typesDir });
    return { ok: true, errors: [] };
  } catch (error) {
    if (error.code === undefined || typeof error.stdout !== "string") throw error;
    return { ok: false, errors: `${error.stdout}${error.stderr}`.split("\n").filter(Boolean) };
  }
}

/** Copies a consumer from tests/package/scratch/types as `<name><extension>`. */
function consumerFile(source, extension) {
  const name = source.replace(/\.ts$/, extension);
  if (name !== source) copyFileSync(join(typesDir, source), join(typesDir, name));
  return name;
}

test("tsc 7 is the TypeScript in use", async () => {
  const { stdout } = await promisify(execFile)(tsc, ["--version"]);
  assert.match(stdout, /^Version 7\./);
});

for (const [resolution, { extensions, alsoSubpaths }] of Object.entries(resolutions)) {
  const what = alsoSubpaths ? " and of the subpath exports" : "";
  test(`a consumer of every function and type${what} compiles under --strict, moduleResolution ${resolution} (${extensions.join(", ")})`, async () => {
    const files = extensions.map((ext) => consumerFile("consumer.ts", ext));
    const result = alsoSubpaths ? await compile(resolution, [...files, "subpaths.ts"], ["es2022", "dom"]) : await compile(resolution, files);
    assert.deepEqual(result.errors, []);
  });

  test(`wrong calls fail to compile, each on its own line, moduleResolution ${resolution}`, async () => {
    const source = readFileSync(join(typesDir, "wrong-calls.ts"), "utf8").split("\n");
    const wrongLines = source.flatMap((line, i) => (line.includes("// wrong:") ? [i + 1] : []));
    for (const ext of extensions) {
      const file = consumerFile("wrong-calls.ts", ext);
      const result = await compile(resolution, [file]);
      assert.equal(result.ok, false, `${file} compiled`);
      const erroneous = new Set(result.errors.flatMap((e) => e.match(new RegExp(`^${file.replace(".", "\\.")}\\((\\d+),`))?.[1] ?? []).map(Number));
      assert.deepEqual([...erroneous].sort((a, b) => a - b), wrongLines, result.errors.join("\n"));
    }
  });
}

// ESM consumers (/inline and /web are ES modules); WebAssembly's types come with the DOM library.
for (const [resolution, ext] of [["bundler", ".ts"], ["node16", ".mts"]]) {
  test(`the subpath exports /inline, /web and /wasm are typed, moduleResolution ${resolution}`, async () => {
    const result = await compile(resolution, [consumerFile("subpaths.ts", ext)], ["es2022", "dom"]);
    assert.deepEqual(result.errors, []);
  });
}

test("tsc 5 is the TypeScript of the node10 checks", async () => {
  const { stdout } = await promisify(execFile)(tsc5, ["--version"]);
  assert.match(stdout, /^Version 5\./);
});

/** The declaration files the "." entry points at, with the files they re-export. */
function entryDeclarationFiles() {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const found = new Set([manifest.types]);
  (function collect(conditions) {
    if (conditions === null || typeof conditions !== "object") return;
    for (const [key, value] of Object.entries(conditions)) {
      if (key === "types") found.add(value);
      else collect(value);
    }
  })(manifest.exports["."]);
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, target] of readFileSync(file, "utf8").matchAll(/from\s+["'](\.[^"']+)["']/g)) {
      visit(join(dirname(file), target.replace(/\.(m|c)?js$/, (_, m) => `.d.${m ?? ""}ts`)));
    }
  };
  for (const file of found) if (file) visit(join(packageDir, file));
  return [...files];
}

test("the entry declarations contain no `any`", () => {
  const files = entryDeclarationFiles();
  assert.ok(files.length >= 3, `only ${files}`);
  for (const file of files) {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    const lines = code.split("\n").filter((line) => /\bany\b/.test(line));
    assert.deepEqual(lines, [], file);
  }
});

/** The names each entry exports at run time, as Node and a browser load them. */
async function runtimeExports() {
  const script = `
    const { readFile } = await import("node:fs/promises");
    // The browser entry fetches its wasm; answer file: URLs from disk.
    globalThis.fetch = async (url) => new Response(await readFile(new URL(url)), { headers: { "content-type": "application/wasm" } });
    const { createRequire } = await import("node:module");
    const names = (ns) => Object.keys(ns).filter((n) => n !== "default").sort();
    console.log(JSON.stringify({
      import: names(await import("drs-stop-rules")),
      require: names(createRequire(process.cwd() + "/")("drs-stop-rules")),
      browser: names(await import(${JSON.stringify(join(packageDir, "web/index.js"))})),
    }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: workDir });
  return JSON.parse(stdout);
}

test("every runtime export of every entry has a declaration", async () => {
  const exported = await runtimeExports();
  assert.ok(exported.import.includes("evaluateStops"), JSON.stringify(exported));
  const checks = [
    ["bundler", "browser", ".ts"],
    ["node16", "import", ".mts"],
    ["node16", "require", ".cts"],
  ];
  for (const [resolution, entry, ext] of checks) {
    const file = `runtime-exports-${entry}${ext}`;
    const uses = exported[entry].map((name) => `  api.${name},`).join("\n");
    writeFileSync(join(typesDir, file), `import * as api from "drs-stop-rules";\nexport const used = [\n${uses}\n];\n`);
    const result = await compile(resolution, [file]);
    assert.deepEqual(result.errors, [], `${entry} entry: runtime exports without a declaration`);
  }
});
