// Reading the wasm binary format, as far as the package build needs it
// (scripts/minify-names.mjs, scripts/static-strings.mjs).

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
export function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** A name (its length, then UTF-8) at `at`: [text, the offset after it]. */
export function readName(bytes, at) {
  const [len, start] = readU32(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + len)).toString("utf8"), start + len];
}

/** The module's sections, in order: { id, at (the section's first byte), payload, end }. */
export function* sections(bytes, file) {
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 4)).readUInt32LE(0) !== 0x6d736100) {
    throw new Error(`${file}: not a wasm module`);
  }
  let at = 8;
  while (at < bytes.length) {
    const [size, payload] = readU32(bytes, at + 1);
    yield { id: bytes[at], at, payload, end: payload + size };
    at = payload + size;
  }
}
