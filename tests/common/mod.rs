//! Shared by the corpus runners: loading tests/corpus/cases.json and the
//! corpus's partial match.
#![allow(dead_code)]

use serde_json::Value;

/// The case corpus, embedded so the wasm runners need no file system.
pub const CORPUS_JSON: &str = include_str!("../corpus/cases.json");

pub fn corpus() -> Value {
    serde_json::from_str(CORPUS_JSON).expect("tests/corpus/cases.json is valid JSON")
}

/// The cases of one section (`decisions`, `plans`, `errors`, `labels`).
pub fn section(corpus: &Value, name: &str) -> Vec<Value> {
    corpus[name].as_array().unwrap_or_else(|| panic!("corpus has no {name} section")).clone()
}

/// `expected` matches `actual` when every field `expected` lists matches
/// (objects), arrays have the same length and match element by element, and
/// everything else is equal. Returns the path of the first difference.
pub fn partial_match(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, want_value) in want {
                let here = format!("{path}.{key}");
                match have.get(key) {
                    Some(have_value) => partial_match(want_value, have_value, &here)?,
                    None => return Err(format!("{here}: missing, expected {want_value}")),
                }
            }
            Ok(())
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() != have.len() {
                return Err(format!("{path}: expected {} elements, got {}: {actual}", want.len(), have.len()));
            }
            for (i, (w, h)) in want.iter().zip(have).enumerate() {
                partial_match(w, h, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// The language a decision case asks for (`en-us` when it names none).
pub fn case_lang(case: &Value) -> &str {
    case["lang"].as_str().unwrap_or("en-us")
}

/// Collects failures so one run reports every failing case, not just the first.
#[derive(Default)]
pub struct Failures(Vec<String>);

impl Failures {
    pub fn check(&mut self, case: &Value, result: Result<(), String>) {
        if let Err(message) = result {
            self.0.push(format!("{}: {message}", case["name"]));
        }
    }

    pub fn assert_none(self, what: &str, total: usize) {
        assert!(total > 0, "no {what} cases ran");
        assert!(self.0.is_empty(), "{} of {total} {what} cases failed:\n{}", self.0.len(), self.0.join("\n"));
    }
}
