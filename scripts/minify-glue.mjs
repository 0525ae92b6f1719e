// Minifies the package's JavaScript in place (oxc's minifier, through
// rolldown): what a page downloads besides the wasm. Export names are kept;
// ESM files also get their top-level names shortened.
//   node scripts/minify-glue.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { minifySync } from "rolldown/utils";

for (const file of process.argv.slice(2)) {
  const esm = /^export |^import /m.test(readFileSync(file, "utf8"));
  const { code, errors } = minifySync(file, readFileSync(file, "utf8"), {
    compress: true,
    mangle: { toplevel: esm },
    module: esm,
  });
  if (errors?.length) throw new Error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
  writeFileSync(file, code);
}
