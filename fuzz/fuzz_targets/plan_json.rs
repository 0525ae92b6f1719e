//! Arbitrary bytes, read as UTF-8 text, into `plan_json`: a plan that holds
//! the plan invariants, or INVALID_INPUT, never a panic.
#![no_main]

use drs_stop_rules::plan_json;
use drs_stop_rules_fuzz::invariants::{check_input_error, check_plan};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match plan_json(&text) {
        Err(error) => check_input_error(&error),
        Ok(output) => {
            let plan: Value = serde_json::from_str(&output).expect("plan_json answers JSON");
            let input: Value = serde_json::from_str(&text).expect("an accepted input is JSON");
            let task_count = input["tasks"].as_array().expect("an accepted plan has a tasks array").len();
            check_plan(&plan, task_count);
        }
    }
});
