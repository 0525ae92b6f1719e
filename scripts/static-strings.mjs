// Decodes each of the wasm's own strings once per page (issue 8, the first
// call). Nearly every string a decision hands to JS is a string literal of
// the wasm: field names, codes, messages, labels. They live in the module's
// read-only data, which nothing writes, so the same address and length is
// always the same text. wasm-bindgen decodes each string anew (for a first
// batch of 1,000 tasks, about 4,400 of 5,300 decodes were of some 100
// distinct literals); the glue's getStringFromWasm0 now keeps those it
// decoded, and decodes every other string (the heap's, the stack's) as before.
//
// The read-only data's bounds are the ".rodata" data segment of the module
// as the linker wrote it (its name section names its segments). The build
// then checks that the shipped module, after wasm-bindgen and wasm-opt,
// holds those very bytes at those very addresses.
//   node scripts/static-strings.mjs LINKED_WASM SHIPPED_WASM GLUE
import { readFileSync, writeFileSync } from "node:fs";
import { replaceOnce } from "./replace-once.mjs";
import { readName, readU32, sections } from "./wasm-binary.mjs";

const [linkedFile, shippedFile, glueFile] = process.argv.slice(2);

/** The active data segments: [{ index, offset, bytes }]. */
function dataSegments(bytes, file) {
  const segments = [];
  for (const { id, payload } of sections(bytes, file)) {
    if (id !== 11) continue;
    let [count, p] = readU32(bytes, payload);
    for (let index = 0; index < count; index++) {
      let flags, offset, size;
      [flags, p] = readU32(bytes, p);
      if (flags !== 0) throw new Error(`${file}: data segment ${index} is not an active segment of memory 0`);
      // The offset: `i32.const <n>` then `end`.
      if (bytes[p] !== 0x41) throw new Error(`${file}: data segment ${index} has no constant offset`);
      [offset, p] = readU32(bytes, p + 1);
      if (bytes[p++] !== 0x0b) throw new Error(`${file}: data segment ${index}: offset expression too long`);
      [size, p] = readU32(bytes, p);
      segments.push({ index, offset, bytes: bytes.subarray(p, p + size) });
      p += size;
    }
  }
  return segments;
}

/** The names of data segments, from the "name" section (subsection 9). */
function dataSegmentNames(bytes, file) {
  const names = new Map();
  for (const { id, payload, end } of sections(bytes, file)) {
    if (id !== 0) continue;
    let [section, p] = readName(bytes, payload);
    if (section !== "name") continue;
    while (p < end) {
      const subsection = bytes[p];
      const [size, start] = readU32(bytes, p + 1);
      if (subsection === 9) {
        let [count, q] = readU32(bytes, start);
        for (let i = 0; i < count; i++) {
          let index, text;
          [index, q] = readU32(bytes, q);
          [text, q] = readName(bytes, q);
          names.set(index, text);
        }
      }
      p = start + size;
    }
  }
  return names;
}

const linked = readFileSync(linkedFile);
const names = dataSegmentNames(linked, linkedFile);
const rodata = dataSegments(linked, linkedFile).filter((segment) => names.get(segment.index) === ".rodata");
if (rodata.length !== 1) throw new Error(`${linkedFile}: expected one data segment named .rodata, found ${rodata.length}`);
const [{ offset: start, bytes: expected }] = rodata;
const end = start + expected.length;

// The shipped module's initial memory over [start, end): its segments there,
// zeros elsewhere (wasm-opt leaves out runs of zeros).
const shipped = readFileSync(shippedFile);
const image = new Uint8Array(expected.length);
for (const { offset, bytes } of dataSegments(shipped, shippedFile)) {
  for (let i = Math.max(offset, start); i < Math.min(offset + bytes.length, end); i++) image[i - start] = bytes[i - offset];
}
if (!Buffer.from(image).equals(Buffer.from(expected))) {
  throw new Error(`${shippedFile}: the read-only data is not where the linker put it; strings cannot be cached by address`);
}

const original = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
// The key is exact and unique in [start, end); at most LIMIT strings are kept, so memory stays bounded.
const cached = `// The wasm's read-only data (its string literals) never changes: each such string is decoded once.
// (scripts/static-strings.mjs)
const staticStrings = new Map();
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (ptr >= ${start} && ptr + len <= ${end}) {
        const key = (ptr - ${start}) * ${expected.length + 1} + len;
        let text = staticStrings.get(key);
        if (text === undefined) {
            text = decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
            if (staticStrings.size < 4096) staticStrings.set(key, text);
        }
        return text;
    }
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const what = "getStringFromWasm0 as wasm-bindgen writes it";
writeFileSync(glueFile, replaceOnce(readFileSync(glueFile, "utf8"), original, cached, { file: glueFile, what }));
console.log(`static strings: [${start}, ${end}) cached by address`);
