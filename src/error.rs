//! The one error the rules return: input that breaks the contract.

use serde::Serialize;
use std::fmt;

/// Input that does not follow the contract (`INVALID_INPUT`). Unknown kinds
/// and statuses are not errors: they get a fail-safe decision instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// Always `INVALID_INPUT`.
    pub code: &'static str,
    /// Where the offending value is, e.g. `status` or `tasks[3].db_use_type`;
    /// empty for the input as a whole.
    pub path: String,
    /// What was expected, and what was found.
    pub message: String,
}

impl InputError {
    pub const CODE: &'static str = "INVALID_INPUT";

    pub fn new(path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError { code: Self::CODE, path: path.into(), message: message.into() }
    }

    /// The same error, for a value found at `parent` (`tasks[3]` + `status`).
    pub fn under(mut self, parent: &str) -> InputError {
        self.nest_under(parent);
        self
    }

    /// [`under`](Self::under) in place (a boxed error stays in its box).
    pub(crate) fn nest_under(&mut self, parent: &str) {
        self.path = crate::input::join(parent, &self.path);
    }

    /// `INVALID_INPUT at <path>: <message>` (no path: `INVALID_INPUT: <message>`),
    /// as `Display` writes it; joined by hand, so the wasm needs no formatting code.
    pub fn text(&self) -> String {
        let at = if self.path.is_empty() { "" } else { " at " };
        [self.code, at, &self.path, ": ", &self.message].concat()
    }

    /// The error as JSON (`{"code","path","message"}`), for the CLI and JSON callers.
    pub fn to_json(&self) -> String {
        // A struct of three strings always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What the readers return. The error is boxed on its way up, so each `?`
/// between the field that failed and the caller moves one pointer rather
/// than the whole error (in the wasm, over 1 KB less gzip; issue 8); `?`
/// unboxes it where a plain [`InputError`] is returned.
pub(crate) type ReadResult<T> = Result<T, Box<InputError>>;

impl From<Box<InputError>> for InputError {
    fn from(error: Box<InputError>) -> InputError {
        *error
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for InputError {}
