//! The case corpus through the `drs-stop-rules` binary, as a shell or a
//! backend in another language would call it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::{
    case_options_flags, check_batch, check_each, corpus, matches_error_case, option_groups, partial_match, section,
};
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
fn evaluate_reads_one_task_or_an_array_per_language_and_policy() {
    let cases = section(&corpus(), "decisions");
    let mut covered = 0;
    for ((lang, policy), batch) in option_groups(&cases) {
        let tasks = Value::Array(batch.iter().map(|case| case["task"].clone()).collect());
        let mut args = vec!["evaluate", "--lang", &lang];
        if let Some(policy) = &policy {
            args.extend(["--policy", policy]);
        }
        let decisions = stdout_json(&run(&args, &tasks.to_string()));
        check_batch(&format!("{lang} {policy:?} decision"), &batch, &decisions);
        covered += batch.len();
    }
    assert_eq!(covered, cases.len(), "every decision case ran");

    // A single object gives a single decision.
    let first = &cases[0];
    let decision = stdout_json(&run(&["evaluate"], &first["task"].to_string()));
    partial_match(&first["expect"], &decision, "").unwrap();
}

#[test]
fn plan_reads_a_plan_request() {
    check_each("plan", &section(&corpus(), "plans"), |case| {
        let plan = stdout_json(&run(&["plan"], &case["input"].to_string()));
        partial_match(&case["expect"], &plan, "")
    });
}

#[test]
fn evaluate_reads_real_list_answers() {
    check_each("list", &section(&corpus(), "lists"), |case| {
        let flags = case_options_flags(case);
        let mut args = vec!["evaluate"];
        args.extend(flags.iter().map(String::as_str));
        let decisions = stdout_json(&run(&args, &case["response"]["jobs"].to_string()));
        partial_match(&case["expect"], &decisions, "")
    });
}

#[test]
fn evaluate_children_answers_an_array_even_for_one_task() {
    let task = serde_json::json!({"id": "p", "job_type": "sync", "status": "CREATING", "children": [{"id": "c", "db_use_type": "sync", "status": "CREATING"}]});
    let decisions = stdout_json(&run(&["evaluate", "--children"], &task.to_string()));
    assert_eq!(decisions.as_array().map(Vec::len), Some(2), "{decisions}");
    assert_eq!((&decisions[0]["parent_id"], &decisions[1]["parent_id"]), (&Value::Null, &Value::from("p")));
    assert_eq!(decisions[0]["blocked"]["code"], "PARENT_TASK");
}

#[test]
fn plan_delete_reads_a_delete_plan_request() {
    check_each("delete plan", &section(&corpus(), "delete_plans"), |case| {
        let plan = stdout_json(&run(&["plan-delete"], &case["input"].to_string()));
        partial_match(&case["expect"], &plan, "")
    });
}

#[test]
fn lang_and_policy_flags_are_the_defaults_of_plans() {
    let task = serde_json::json!({"id": "a", "db_use_type": "sync", "status": "RELEASE_RESOURCE_STARTED"});
    let input = serde_json::json!({ "tasks": [task] }).to_string();
    let plan = stdout_json(&run(&["plan", "--lang", "zh-cn"], &input));
    assert_eq!(plan["rejected"][0]["message"], "任务正在结束中。");
    // The request's own field wins over the flag.
    let own = serde_json::json!({ "tasks": [task], "lang": "en-us" }).to_string();
    assert_eq!(
        stdout_json(&run(&["plan", "--lang", "zh-cn"], &own))["rejected"][0]["message"],
        "The task is already being stopped."
    );

    let stopped =
        serde_json::json!({"tasks": [{"id": "s", "db_use_type": "sync", "status": "RELEASE_RESOURCE_COMPLETE"}]});
    let plan =
        stdout_json(&run(&["plan-delete", "--policy", "ReadOnlyAccess", "--lang", "zh-cn"], &stopped.to_string()));
    assert_eq!(plan["rejected"][0]["code"], "NO_PERMISSION");
    assert_eq!(
        plan["rejected"][0]["message"],
        "您的权限策略“ReadOnlyAccess”不允许删除任务，请联系管理员授予相应权限。"
    );
    let running =
        serde_json::json!({"tasks": [{"id": "r", "db_use_type": "sync", "status": "INCRE_TRANSFER_STARTED"}]});
    let plan = stdout_json(&run(&["plan", "--policy", "Guest"], &running.to_string()));
    assert_eq!(plan["rejected"][0]["code"], "NO_PERMISSION");
    assert!(plan["rejected"][0]["message"].as_str().unwrap().contains("\"Guest\""), "{plan}");
}

#[test]
fn version_prints_the_rules_version() {
    let output = run(&["version"], "");
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap().trim_end(), drs_stop_rules::rules_version());
}

#[test]
fn invalid_input_exits_2_with_the_error_as_json_on_stderr() {
    check_each("error", &section(&corpus(), "errors"), |case| {
        let mut args = vec![case["op"].as_str().unwrap().to_string()];
        args.extend(case_options_flags(case));
        let output = run(&args.iter().map(String::as_str).collect::<Vec<_>>(), &case["input"].to_string());
        if output.status.code() != Some(2) {
            Err(format!("exit {:?}", output.status.code()))
        } else if !output.stdout.is_empty() {
            Err("stdout is not empty".to_string())
        } else {
            match serde_json::from_slice::<Value>(&output.stderr) {
                Ok(error) => matches_error_case(case, &error),
                Err(e) => Err(format!("stderr is not JSON: {e}")),
            }
        }
    });
    let output = run(&["evaluate"], "not json");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn table_prints_the_matrix_generated_from_the_rules() {
    let output = run(&["table"], "");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("| status code | migration | sync | cloudDataGuard (DR) | delete (every kind) |"));
    // The status table, a blank line, the policy table (4 policies and "any other name").
    assert_eq!(text.lines().count(), 2 + drs_stop_rules::STOP_TABLE.len() + 1 + 2 + 5);
    assert!(text.contains("| `WAITING_FOR_START` | yes, normal<br>Pending start | yes, normal<br>Pending start | blocked `NOT_STOPPABLE_IN_STATUS`<br>Pending start | blocked `STOP_FIRST` |"));
    assert!(text.contains("| `CREATE_FAILED` |") && text.contains("Task creation failed | yes |"), "{text}");
    assert!(text.contains("| `FullWithOutDeletePermission` | yes | no, `NO_PERMISSION` |"));

    let json = stdout_json(&run(&["table", "--json", "--lang", "zh-cn"], ""));
    assert_eq!(json["lang"], "zh-cn");
    assert_eq!(json["rules_version"], drs_stop_rules::rules_version());
    assert_eq!(json["rows"].as_array().unwrap().len(), drs_stop_rules::STOP_TABLE.len());
}
