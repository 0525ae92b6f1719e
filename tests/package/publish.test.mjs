// The tarball is ready to publish: publint has nothing to say, `npm publish
// --dry-run` accepts it, it carries both licenses and a README for npm users
// whose links work on npmjs.com, and the .wasm file is shipped once.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packageDir } from "./scratch-project.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const files = readdirSync(packageDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(packageDir, join(entry.parentPath, entry.name)));

test("publint: no error, warning or suggestion", async () => {
  const { messages } = await publint({ pkgDir: packageDir, level: "suggestion", strict: true, pack: false });
  assert.deepEqual(messages.map((message) => formatMessage(message, manifest)), []);
});

test("npm publish --dry-run accepts the tarball without a warning (but that nobody is logged in here)", async () => {
  const [tarball] = readdirSync(join(root, "dist")).filter((f) => /^drs-stop-rules-.*\.tgz$/.test(f));
  const { stdout, stderr } = await promisify(execFile)("npm", ["publish", "--dry-run", "--ignore-scripts", join(root, "dist", tarball)], { cwd: root });
  assert.equal(stdout.trim(), `+ drs-stop-rules@${manifest.version}`);
  const warnings = stderr.split("\n").filter((line) => /\bwarn/i.test(line) && !/requires you to be logged in/.test(line));
  assert.deepEqual(warnings, []);
});

test("both licenses, the npm README and the publishing fields are there", () => {
  for (const file of ["LICENSE-MIT", "LICENSE-APACHE", "README.md"]) assert.ok(files.includes(file), `${file} missing`);
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  const repository = "https://github.com/drs-stop-rules/drs-stop-rules";
  assert.deepEqual(manifest.repository, { type: "git", url: `git+${repository}.git` });
  assert.equal(manifest.homepage, `${repository}#readme`);
  assert.deepEqual(manifest.bugs, { url: `${repository}/issues` });
});

test("the README's links and images are absolute (npmjs.com shows no file of the repository)", () => {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const targets = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  assert.ok(targets.length > 0, "no links");
  const relativeTargets = targets.filter((target) => !/^(https:\/\/|#)/.test(target));
  assert.deepEqual(relativeTargets, []);
});

test("the .wasm file is shipped once", () => {
  assert.deepEqual(files.filter((file) => file.endsWith(".wasm")), ["web/drs_stop_rules_bg.wasm"]);
});
