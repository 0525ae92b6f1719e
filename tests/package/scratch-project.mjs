// Where the scratch project lives (scripts/test-package.sh installs the packed
// tarball there) and how the tests reach the package through it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const workDir = fileURLToPath(new URL("./.work/", import.meta.url));
export const packageDir = `${workDir}node_modules/drs-stop-rules/`;

if (!existsSync(`${packageDir}package.json`)) {
  throw new Error(`${packageDir} is missing: run scripts/test-package.sh (after make pack)`);
}

export const cases = JSON.parse(readFileSync(new URL("../corpus/cases.json", import.meta.url), "utf8"));

/** The package as a Node ESM consumer in the scratch project imports it. */
export async function importEsm() {
  return (await import(pathToFileURL(`${workDir}entry.mjs`).href)).default;
}

/** The package as a Node CommonJS consumer in the scratch project requires it. */
export function requireCjs() {
  return createRequire(import.meta.url)(`${workDir}entry.cjs`);
}
