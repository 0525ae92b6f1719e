//! Arbitrary bytes, read as UTF-8 text, into `evaluate_json` in both
//! languages. Every input gets a decision (or an array of them, one per
//! task) that holds the decision invariants, or INVALID_INPUT: never a panic.
#![no_main]

use drs_stop_rules::{evaluate_json, Lang};
use drs_stop_rules_fuzz::invariants::{check_decision, check_input_error};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    // Lossy rather than skipping invalid UTF-8, so every input exercises the parser.
    let text = String::from_utf8_lossy(data);
    for lang in Lang::ALL {
        match evaluate_json(&text, lang) {
            Err(error) => check_input_error(&error),
            Ok(output) => {
                let output: Value = serde_json::from_str(&output).expect("evaluate_json answers JSON");
                let input: Value = serde_json::from_str(&text).expect("an accepted input is JSON");
                match (&input, &output) {
                    (Value::Array(tasks), Value::Array(decisions)) => {
                        assert_eq!(tasks.len(), decisions.len(), "one decision per task");
                        decisions.iter().for_each(check_decision);
                    }
                    (Value::Object(_), Value::Object(_)) => check_decision(&output),
                    _ => panic!("the answer's shape does not follow the input's: {output}"),
                }
            }
        }
    }
});
