// The rules as the console runs them (pkg/inline, from `make pkg`): the load
// test checks every stop the server accepted against them.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../../pkg/inline/index.js", import.meta.url));
if (!existsSync(entry)) throw new Error(`${entry} is missing: run make pkg`);

export const rules = await import(entry);
