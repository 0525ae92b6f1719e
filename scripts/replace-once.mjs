// Edits of generated code that must find their target exactly once, or stop
// the build: wasm-bindgen's output is matched as it writes it, so a change
// there fails loudly instead of being silently missed
// (scripts/minify-names.mjs, static-strings.mjs, browser-entry.mjs).

/**
 * `text` with `pattern` replaced. A string pattern is matched literally and
 * replaced as is; a RegExp may use `$1` and the like in `replacement`.
 * Throws, naming `file` and `what`, unless the pattern occurs exactly once.
 */
export function replaceOnce(text, pattern, replacement, { file, what }) {
  const found =
    typeof pattern === "string"
      ? text.split(pattern).length - 1
      : (text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))?.length ?? 0);
  if (found !== 1) throw new Error(`${file}: ${what} found ${found} times, expected once`);
  return typeof pattern === "string" ? text.replace(pattern, () => replacement) : text.replace(pattern, replacement);
}
