// Shortens the names wasm-bindgen gives the wasm's imports (its JavaScript
// functions: `__wbg_get_2080c49015e35254` and so on, under the module
// "./drs_stop_rules_bg.js") and internal exports (`__wbindgen_malloc`,
// `__wbindgen_add_to_stack_pointer`, the evaluateStops front's `__stop...`),
// in the .wasm, in the glue and in the .wasm's declarations alike: the first
// two are downloaded, and hashes do not compress (issue 8). The API's exports
// (`evaluateStop`, ...) and `memory` keep their names. (binaryen's
// --minify-imports-and-exports renames only imports from "env", or every export.)
//   node scripts/minify-names.mjs WASM GLUE WASM_DECLARATIONS
import { readFileSync, writeFileSync } from "node:fs";
import { replaceOnce } from "./replace-once.mjs";
import { readName, readU32, sections } from "./wasm-binary.mjs";

const [wasmFile, glueFile, declarationsFile] = process.argv.slice(2);
const wasm = readFileSync(wasmFile);
let glue = readFileSync(glueFile, "utf8");
let declarations = readFileSync(declarationsFile, "utf8");

const MODULE = "./drs_stop_rules_bg.js";
const SHORT_MODULE = "w";

/** Short names: a..z, A..Z, then two letters. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return i < letters.length
    ? letters[i]
    : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length];
}

// --- The wasm binary format, as far as the import section needs it.
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
}

/** The end of an import's description (function, table, memory, global). */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: // function: a type index
      return readU32(bytes, at)[1];
    case 0x01: // table: a one-byte reference type, then limits
      return limits(at + 1);
    case 0x02: // memory: limits
      return limits(at);
    case 0x03: // global: a one-byte value type, then mutability
      return at + 2;
    default:
      throw new Error(`${wasmFile}: unexpected import kind ${kind}`);
  }
}

const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
const renamedExports = new Map();
for (const { id, at, payload, end } of sections(wasm, wasmFile)) {
  if (id === 7) {
    // Exports: a name, a kind byte and an index each.
    let [count, p] = readU32(wasm, payload);
    const section = [u32(count)];
    for (let i = 0; i < count; i++) {
      let field;
      [field, p] = readName(wasm, p);
      const descriptionEnd = readU32(wasm, p + 1)[1];
      // Internal names start with "__"; short ones cannot meet an API name.
      if (field.startsWith("__")) renamedExports.set(field, shortName(renamedExports.size));
      section.push(name(renamedExports.get(field) ?? field), wasm.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    if (p !== end) throw new Error(`${wasmFile}: export section not read to its end`);
    const body = Buffer.concat(section);
    parts.push(Buffer.from([7]), u32(body.length), body);
  } else if (id !== 2) {
    parts.push(wasm.subarray(at, end));
  } else {
    let [count, p] = readU32(wasm, payload);
    const section = [u32(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = readName(wasm, p);
      [field, p] = readName(wasm, p);
      const descriptionEnd = skipImportDescription(wasm, p);
      if (module !== MODULE) throw new Error(`${wasmFile}: import from "${module}", expected "${MODULE}"`);
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      section.push(name(SHORT_MODULE), name(renamed.get(field)), wasm.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    if (p !== end) throw new Error(`${wasmFile}: import section not read to its end`);
    const body = Buffer.concat(section);
    parts.push(Buffer.from([2]), u32(body.length), body);
  }
}

// --- The glue: wasm-bindgen's import object `{ "./drs_stop_rules_bg.js": import0 }`,
// whose keys are the import names, one per line.
glue = replaceOnce(glue, /^(\s*)"\.\/drs_stop_rules_bg\.js": /m, `$1"${SHORT_MODULE}": `, {
  file: glueFile,
  what: `the import module "${MODULE}"`,
});
for (const [long, short] of renamed) {
  glue = replaceOnce(glue, new RegExp(`^(\\s*)${long}: `, "m"), `$1${short}: `, { file: glueFile, what: `the import "${long}"` });
}

// The glue calls the wasm's exports as `wasm.<name>`.
glue = glue.replace(/\bwasm\.(__\w+)\b/g, (whole, long) => {
  if (!renamedExports.has(long)) throw new Error(`${glueFile}: calls wasm.${long}, which the wasm does not export`);
  return `wasm.${renamedExports.get(long)}`;
});
// The declarations: one `export const <name>: ...;` line per export.
for (const [long, short] of renamedExports) {
  declarations = declarations.replace(new RegExp(`^export const ${long}:`, "m"), `export const ${short}:`);
}

writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
writeFileSync(declarationsFile, declarations);
