//! The case corpus through the `drs-stop-rules` binary, as a shell or a
//! backend in another language would call it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::{case_lang, corpus, partial_match, section, Failures};
use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_drs-stop-rules"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout_json(output: &Output) -> Value {
    assert!(output.status.success(), "exit {:?}: {}", output.status, String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn evaluate_reads_one_task_or_an_array_per_language() {
    let cases = section(&corpus(), "decisions");
    let mut failures = Failures::default();
    for lang in ["en-us", "zh-cn", "ZH-CN", "fr-fr"] {
        let batch: Vec<&Value> = cases.iter().filter(|case| case_lang(case) == lang).collect();
        if batch.is_empty() {
            continue;
        }
        let tasks = Value::Array(batch.iter().map(|case| case["task"].clone()).collect());
        let decisions = stdout_json(&run(&["evaluate", "--lang", lang], &tasks.to_string()));
        let decisions = decisions.as_array().expect("an array in, an array out");
        assert_eq!(decisions.len(), batch.len());
        for (case, decision) in batch.iter().zip(decisions) {
            failures.check(case, partial_match(&case["expect"], decision, ""));
        }
    }
    failures.assert_none("decision", cases.len());

    // A single object gives a single decision.
    let first = &cases[0];
    let decision = stdout_json(&run(&["evaluate"], &first["task"].to_string()));
    partial_match(&first["expect"], &decision, "").unwrap();
}

#[test]
fn plan_reads_a_plan_request() {
    let cases = section(&corpus(), "plans");
    let mut failures = Failures::default();
    for case in &cases {
        let plan = stdout_json(&run(&["plan"], &case["input"].to_string()));
        failures.check(case, partial_match(&case["expect"], &plan, ""));
    }
    failures.assert_none("plan", cases.len());
}

#[test]
fn invalid_input_exits_2_with_the_error_as_json_on_stderr() {
    let cases = section(&corpus(), "errors");
    let mut failures = Failures::default();
    for case in &cases {
        let output = run(&[case["op"].as_str().unwrap()], &case["input"].to_string());
        let result = if output.status.code() != Some(2) {
            Err(format!("exit {:?}", output.status.code()))
        } else if !output.stdout.is_empty() {
            Err("stdout is not empty".to_string())
        } else {
            match serde_json::from_slice::<Value>(&output.stderr) {
                Ok(error) => partial_match(&serde_json::json!({"code": "INVALID_INPUT", "path": case["path"]}), &error, ""),
                Err(e) => Err(format!("stderr is not JSON: {e}")),
            }
        };
        failures.check(case, result);
    }
    failures.assert_none("error", cases.len());
    let output = run(&["evaluate"], "not json");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn table_prints_the_matrix_generated_from_the_rules() {
    let output = run(&["table"], "");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("| status code | migration | sync | cloudDataGuard (DR) |"));
    assert_eq!(text.lines().count(), 2 + drs_stop_rules::STOP_TABLE.len());
    assert!(text.contains("| `WAITING_FOR_START` | yes, normal<br>Pending start | yes, normal<br>Pending start | blocked `NOT_STOPPABLE_IN_STATUS`<br>Pending start |"));

    let json = stdout_json(&run(&["table", "--json", "--lang", "zh-cn"], ""));
    assert_eq!(json["lang"], "zh-cn");
    assert_eq!(json["rules_version"], drs_stop_rules::rules_version());
    assert_eq!(json["rows"].as_array().unwrap().len(), drs_stop_rules::STOP_TABLE.len());
}
