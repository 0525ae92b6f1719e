//! The case corpus through the native Rust API: the typed functions and the
//! JSON-string entry points.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{case_lang, corpus, partial_match, section, Failures};
use drs_stop_rules::{evaluate_json, evaluate_stop, plan_json, plan_stop, status_label, Lang, PlanRequest, StopTask};
use serde_json::Value;

#[test]
fn decisions_through_the_typed_api() {
    let cases = section(&corpus(), "decisions");
    let mut failures = Failures::default();
    for case in &cases {
        let task = StopTask::from_json(&case["task"]).expect("corpus task is valid");
        let decision = serde_json::to_value(evaluate_stop(&task, Lang::from_tag(case_lang(case)))).unwrap();
        failures.check(case, partial_match(&case["expect"], &decision, ""));
    }
    failures.assert_none("decision", cases.len());
}

#[test]
fn decisions_through_the_json_entry_point_one_by_one_and_as_one_array() {
    let cases = section(&corpus(), "decisions");
    let mut failures = Failures::default();
    for case in &cases {
        let output = evaluate_json(&case["task"].to_string(), Lang::from_tag(case_lang(case))).expect("valid task");
        let decision: Value = serde_json::from_str(&output).unwrap();
        failures.check(case, partial_match(&case["expect"], &decision, ""));
    }
    failures.assert_none("decision", cases.len());

    let en_cases: Vec<&Value> = cases.iter().filter(|case| case_lang(case) == "en-us").collect();
    let tasks = Value::Array(en_cases.iter().map(|case| case["task"].clone()).collect());
    let decisions: Value = serde_json::from_str(&evaluate_json(&tasks.to_string(), Lang::EnUs).unwrap()).unwrap();
    let decisions = decisions.as_array().unwrap();
    assert_eq!(decisions.len(), en_cases.len());
    let mut failures = Failures::default();
    for (case, decision) in en_cases.iter().zip(decisions) {
        failures.check(case, partial_match(&case["expect"], decision, ""));
    }
    failures.assert_none("batched decision", en_cases.len());
}

#[test]
fn plans_through_the_typed_api_and_the_json_entry_point() {
    let cases = section(&corpus(), "plans");
    let mut failures = Failures::default();
    for case in &cases {
        let request = PlanRequest::from_json(&case["input"]).expect("corpus plan input is valid");
        let typed = serde_json::to_value(plan_stop(&request)).unwrap();
        failures.check(case, partial_match(&case["expect"], &typed, ""));
        let json: Value = serde_json::from_str(&plan_json(&case["input"].to_string()).unwrap()).unwrap();
        assert_eq!(typed, json, "{}: the two entry points disagree", case["name"]);
    }
    failures.assert_none("plan", cases.len());
}

#[test]
fn errors_carry_the_code_and_the_path() {
    let cases = section(&corpus(), "errors");
    let mut failures = Failures::default();
    for case in &cases {
        let input = case["input"].to_string();
        let result = match case["op"].as_str() {
            Some("evaluate") => evaluate_json(&input, Lang::EnUs),
            Some("plan") => plan_json(&input),
            other => panic!("unknown op {other:?}"),
        };
        let outcome = match result {
            Ok(output) => Err(format!("expected INVALID_INPUT, got {output}")),
            Err(error) => {
                let error = serde_json::to_value(&error).unwrap();
                partial_match(&serde_json::json!({"code": "INVALID_INPUT", "path": case["path"]}), &error, "")
                    .and_then(|()| match error["message"].as_str() {
                        Some(message) if message.len() > 10 => Ok(()),
                        _ => Err(format!("message too thin: {error}")),
                    })
            }
        };
        failures.check(case, outcome);
    }
    failures.assert_none("error", cases.len());
}

#[test]
fn labels() {
    let cases = section(&corpus(), "labels");
    let mut failures = Failures::default();
    for case in &cases {
        let label = status_label(
            case["db_use_type"].as_str().unwrap(),
            case["status"].as_str().unwrap(),
            Lang::from_tag(case["lang"].as_str().unwrap()),
        );
        failures.check(case, partial_match(&case["label"], &Value::String(label), ""));
    }
    failures.assert_none("label", cases.len());
}

#[test]
fn invalid_json_is_an_input_error_not_a_panic() {
    for input in ["", "{", "[1,", "nul", "{\"status\": \"x\",}", "\u{0}"] {
        let error = evaluate_json(input, Lang::EnUs).unwrap_err();
        assert_eq!((error.code, error.path.as_str()), ("INVALID_INPUT", ""), "{input:?}");
        assert!(error.message.contains("not valid JSON"), "{error}");
    }
    // serde_json refuses nesting deeper than 128 instead of overflowing the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(evaluate_json(&deep, Lang::EnUs).unwrap_err().path, "");
    let deep_field = format!("{{\"db_use_type\":\"sync\",\"status\":\"CREATING\",\"x\":{}1{}}}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(evaluate_json(&deep_field, Lang::EnUs).unwrap_err().code, "INVALID_INPUT");
}
