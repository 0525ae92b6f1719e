//! SDKs and some API pages append a description to a code
//! (`"migration:实时迁移"`, `"CREATING：创建中"`); the rules read the code alone.

/// The code part of a value: before the first colon (ASCII or full-width),
/// trimmed. One function for kinds and statuses alike (the wasm's size).
pub fn code_part(value: &str) -> &str {
    let end = value.find([':', '：']).unwrap_or(value.len());
    // `find` gives a char boundary, so `get` always succeeds.
    value.get(..end).unwrap_or_default().trim()
}
