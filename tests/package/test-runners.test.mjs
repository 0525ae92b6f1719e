// Consoles' own unit tests using the package: vitest (Node and jsdom
// environments, import) and jest 30 with the jsdom environment (require,
// no TextDecoder there). Each runs every decision, plan, delete plan, list answer and error case of
// the corpus (tests/package/scratch/{vitest,jest}); here we run the runners
// and read their JSON reports.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cases, workDir } from "./scratch-project.mjs";

const toolchains = fileURLToPath(new URL("./node_modules/", import.meta.url));
// One test per decision, plan, delete plan, list answer and error case, and one for the batches.
const perFile =
  cases.decisions.length + cases.plans.length + cases.delete_plans.length + cases.lists.length + cases.errors.length + 1;

/** Runs a test runner in the scratch project; resolves to its JSON report. */
async function run(args, report) {
  await promisify(execFile)(process.execPath, args, { cwd: workDir, env: { ...process.env, CI: "1", NO_COLOR: "1" } }).catch((error) => {
    throw new Error(`${error.message}\n${error.stdout}\n${error.stderr}`.slice(0, 4000));
  });
  return JSON.parse(readFileSync(`${workDir}${report}`, "utf8"));
}

test("vitest: the corpus passes in the Node and jsdom environments", async () => {
  const report = await run([`${toolchains}vitest/vitest.mjs`, "run", "--root", "vitest", "--reporter=json", "--outputFile=vitest-report.json"], "vitest/vitest-report.json");
  assert.equal(report.numFailedTests, 0);
  assert.equal(report.numPassedTests, 2 * perFile);
});

test("jest 30, jsdom environment: the corpus passes through require()", async () => {
  const report = await run(
    [`${toolchains}jest/bin/jest.js`, "--rootDir", "jest", "--ci", "--no-watchman", "--testMatch", "**/*.test.cjs", "--json", "--outputFile=jest-report.json"],
    "jest-report.json",
  );
  assert.equal(report.numFailedTests, 0);
  assert.equal(report.numPassedTests, perFile + 1);
});
