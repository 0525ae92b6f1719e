// Writes a seed for the load test (DRS_SEED): every status of the rules'
// table for every kind, several times over, with some flags set, so that
// stops keep being accepted (and refused) throughout a run, not only in its
// first second as with the ~90 built-in samples.
// Usage: node tests/load/seed.mjs <out.json> [copies]
import { writeFileSync } from "node:fs";
import { rules } from "./rules.mjs";

const [out, copiesArg = "8"] = process.argv.slice(2);
if (!out) throw new Error("usage: node tests/load/seed.mjs <out.json> [copies]");
const copies = Number(copiesArg);

const statuses = rules.stopMatrix().rows.map((row) => row.status);
const tasks = [];
for (let copy = 0; copy < copies; copy++) {
  for (const kind of ["migration", "sync", "cloudDataGuard"]) {
    for (const status of statuses) {
      const n = tasks.length;
      tasks.push({
        id: `load-${kind}-${status.toLowerCase()}-${copy}`,
        name: `load ${n}`,
        db_use_type: kind,
        status,
        engine_type: ["mysql", "postgresql", "mongodb"][n % 3],
        // Every seventh task is abnormal: a normal stop is refused, a forced one accepted.
        network_abnormal: n % 7 === 0,
        is_parent: n % 31 === 0,
      });
    }
  }
}
writeFileSync(out, JSON.stringify(tasks));
console.log(`seed: ${tasks.length} tasks in ${out}`);
