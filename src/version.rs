//! `rules_version`: changes whenever any answer of the rules changes, so a
//! console can trust "same version, same answers" between its module and the
//! backend.
//!
//! The version is not computed at run time: it is a digest of every answer
//! (every kind x status x flags x policy x language: decisions, delete
//! decisions, plans, the matrix), pinned below. tests/golden.rs enumerates
//! that answer space from the crate's own lists, recomputes the digest and
//! fails when this value is stale, printing the new one and the command that
//! refreshes it (`UPDATE_GOLDEN=1 cargo test --test golden`), so no one has
//! to remember a bump.

/// The digest of every answer; written by `UPDATE_GOLDEN=1 cargo test --test golden`.
const ANSWERS_DIGEST: &str = "1f7abadac4fa";

/// `<crate version>+<digest of every answer>`.
pub fn rules_version() -> String {
    [env!("CARGO_PKG_VERSION"), "+", ANSWERS_DIGEST].concat()
}
