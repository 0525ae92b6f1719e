//! The case corpus through the native Rust API: the typed functions and the
//! JSON-string entry points.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{
    case_lang, case_options_json, case_policy, check_batch, check_each, corpus, matches_error_case, option_groups,
    partial_match, section,
};
use drs_stop_rules::{
    evaluate_json, evaluate_stop, evaluate_stops, plan_delete, plan_delete_json, plan_json, plan_stop, status_label,
    DeletePlanRequest, EvaluateOptions, Lang, PlanRequest, Policy, StopTask,
};
use serde_json::Value;

fn options(lang: &str, policy: Option<&str>) -> EvaluateOptions {
    EvaluateOptions::new(Lang::from_tag(lang)).with_policy(policy.map(Policy::from_name).unwrap_or_default())
}

fn case_options(case: &Value) -> EvaluateOptions {
    options(case_lang(case), case_policy(case))
}

/// The options of a list or error case (`{lang, policy, children}`).
fn list_options(case: &Value) -> EvaluateOptions {
    let json = case_options_json(case);
    options(json["lang"].as_str().unwrap_or("en-us"), json["policy"].as_str()).with_children(json["children"] == true)
}

#[test]
fn real_list_answers_through_the_typed_api_and_the_json_entry_point() {
    check_each("list", &section(&corpus(), "lists"), |case| {
        let options = list_options(case);
        let jobs = case["response"]["jobs"].as_array().expect("a list answer has jobs");
        let read = if options.children { StopTask::from_json_with_children } else { StopTask::from_json };
        let tasks: Vec<StopTask> = jobs.iter().map(|job| read(job).expect("a fixture job is valid")).collect();
        let typed = serde_json::to_value(evaluate_stops(&tasks, options.clone())).unwrap();
        let json: Value =
            serde_json::from_str(&evaluate_json(&case["response"]["jobs"].to_string(), options).unwrap()).unwrap();
        assert_eq!(typed, json, "{}: the two entry points disagree", case["name"]);
        partial_match(&case["expect"], &typed, "")
    });
}

#[test]
fn decisions_through_the_typed_api_one_by_one_and_in_batches() {
    let cases = section(&corpus(), "decisions");
    check_each("decision", &cases, |case| {
        let task = StopTask::from_json(&case["task"]).expect("corpus task is valid");
        let decision = serde_json::to_value(evaluate_stop(&task, case_options(case))).unwrap();
        partial_match(&case["expect"], &decision, "")
    });
    for ((lang, policy), batch) in option_groups(&cases) {
        let tasks: Vec<StopTask> = batch.iter().map(|case| StopTask::from_json(&case["task"]).unwrap()).collect();
        let decisions = serde_json::to_value(evaluate_stops(&tasks, options(&lang, policy.as_deref()))).unwrap();
        check_batch(&format!("{lang} {policy:?} typed batch"), &batch, &decisions);
    }
}

#[test]
fn decisions_through_the_json_entry_point_one_by_one_and_as_one_array() {
    let cases = section(&corpus(), "decisions");
    check_each("decision", &cases, |case| {
        let output = evaluate_json(&case["task"].to_string(), case_options(case)).expect("valid task");
        partial_match(&case["expect"], &serde_json::from_str(&output).unwrap(), "")
    });

    for ((lang, policy), batch) in option_groups(&cases) {
        let tasks = Value::Array(batch.iter().map(|case| case["task"].clone()).collect());
        let output = evaluate_json(&tasks.to_string(), options(&lang, policy.as_deref())).unwrap();
        check_batch(&format!("{lang} {policy:?} batched decision"), &batch, &serde_json::from_str(&output).unwrap());
    }
}

#[test]
fn plans_through_the_typed_api_and_the_json_entry_point() {
    check_each("plan", &section(&corpus(), "plans"), |case| {
        let request = PlanRequest::from_json(&case["input"]).expect("corpus plan input is valid");
        let typed = serde_json::to_value(plan_stop(&request)).unwrap();
        let json: Value = serde_json::from_str(&plan_json(&case["input"].to_string()).unwrap()).unwrap();
        assert_eq!(typed, json, "{}: the two entry points disagree", case["name"]);
        partial_match(&case["expect"], &typed, "")
    });
}

#[test]
fn delete_plans_through_the_typed_api_and_the_json_entry_point() {
    check_each("delete plan", &section(&corpus(), "delete_plans"), |case| {
        let request = DeletePlanRequest::from_json(&case["input"]).expect("corpus delete plan input is valid");
        let typed = serde_json::to_value(plan_delete(&request)).unwrap();
        let json: Value = serde_json::from_str(&plan_delete_json(&case["input"].to_string()).unwrap()).unwrap();
        assert_eq!(typed, json, "{}: the two entry points disagree", case["name"]);
        partial_match(&case["expect"], &typed, "")
    });
}

#[test]
fn errors_carry_the_code_and_the_path() {
    check_each("error", &section(&corpus(), "errors"), |case| {
        let input = case["input"].to_string();
        let result = match case["op"].as_str() {
            Some("evaluate") => evaluate_json(&input, list_options(case)),
            Some("plan") => plan_json(&input),
            Some("plan-delete") => plan_delete_json(&input),
            other => panic!("unknown op {other:?}"),
        };
        match result {
            Ok(output) => Err(format!("expected INVALID_INPUT, got {output}")),
            Err(error) => {
                let error = serde_json::to_value(&error).unwrap();
                matches_error_case(case, &error).and_then(|()| match error["message"].as_str() {
                    Some(message) if message.len() > 10 => Ok(()),
                    _ => Err(format!("message too thin: {error}")),
                })
            }
        }
    });
}

#[test]
fn labels() {
    check_each("label", &section(&corpus(), "labels"), |case| {
        let label = status_label(
            case["db_use_type"].as_str().unwrap(),
            case["status"].as_str().unwrap(),
            Lang::from_tag(case["lang"].as_str().unwrap()),
        );
        partial_match(&case["label"], &Value::String(label), "")
    });
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
    let deep_field =
        format!("{{\"db_use_type\":\"sync\",\"status\":\"CREATING\",\"x\":{}1{}}}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(evaluate_json(&deep_field, Lang::EnUs).unwrap_err().code, "INVALID_INPUT");
}
