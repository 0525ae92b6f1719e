//! Who may press the buttons: for every seeded task, every action and every
//! policy (the contract's four and an unknown name), the backend accepts a
//! job exactly when the rules crate's decision for that task under that
//! policy (the decision the page shows) allows it, and refuses it with the
//! decision's own code and message.

mod common;

use std::time::Duration;

use common::*;
use drs_console_server::{tokens_from_json_text, Config};
use drs_stop_rules::{evaluate_stop, EvaluateOptions, Lang, Policy, StopTask};
use serde_json::{json, Value};

const POLICIES: [&str; 5] = ["FullAccess", "Administrator", "FullWithOutDeletePermission", "ReadOnlyAccess", "Auditor"];

/// What the page decides for `task` and `delete_type` under `policy`: `None` when allowed, else the code and message.
fn page_decision(task: &Value, delete_type: &str, policy: &str, lang: Lang) -> Option<(String, String)> {
    let task = StopTask::from_json(task).expect("a listed task reads");
    let decision = evaluate_stop(&task, EvaluateOptions::new(lang).with_policy(Policy::from_name(policy)));
    let (available, blocked) = match delete_type {
        "delete" => (decision.delete.available, decision.delete.blocked),
        "terminate" => (decision.modes.normal.available, decision.modes.normal.blocked),
        _ => (decision.modes.force.available, decision.modes.force.blocked),
    };
    match (available, blocked) {
        (true, None) => None,
        (_, Some(blocked)) => Some((blocked.code.as_str().to_string(), blocked.message.to_string())),
        (false, None) => Some(("NOT_ALLOWED".into(), String::new())),
    }
}

#[tokio::test]
async fn the_backend_accepts_exactly_what_the_page_decides_under_each_policy() {
    let mut accepted_somewhere = 0;
    let mut refused_for_permission = 0;
    for policy in POLICIES {
        for delete_type in ["terminate", "force_terminate", "delete"] {
            // A fresh server per case: every job sees the task as listed.
            let token = format!("token-{policy}");
            let tokens = json!([{ "token": token, "project_id": PROJECT, "policy": policy }]).to_string();
            let config = Config {
                tokens: tokens_from_json_text(&tokens).expect("tokens"),
                ..config_with_delay(Duration::from_secs(600))
            };
            let address = start(config).await;
            let auth = [("x-auth-token", token.as_str()), ("x-language", "zh-cn")];
            let listed = request(address, "GET", &format!("/v3/{PROJECT}/jobs"), "", &auth).await.json();
            let tasks = listed["jobs"].as_array().expect("jobs").clone();
            assert!(tasks.len() > 80);
            let jobs: Vec<Value> =
                tasks.iter().map(|task| json!({ "delete_type": delete_type, "job_id": task["id"] })).collect();
            let path = format!("/v3/{PROJECT}/jobs/batch-jobs");
            let reply = request(address, "DELETE", &path, json!({ "jobs": jobs }).to_string(), &auth).await;
            assert_eq!(reply.status, 202);
            let results = reply.json()["results"].as_array().expect("results").clone();
            assert_eq!(results.len(), tasks.len());
            for (task, result) in tasks.iter().zip(&results) {
                let case = format!("{policy} {delete_type} {} {}", task["db_use_type"], task["status"]);
                match page_decision(task, delete_type, policy, Lang::ZhCn) {
                    None => {
                        assert_eq!(result["status"], "success", "{case}: {result}");
                        accepted_somewhere += 1;
                    }
                    Some((code, message)) => {
                        assert_eq!(result["status"], "failed", "{case}");
                        assert_eq!(result["error_code"], code.as_str(), "{case}");
                        assert_eq!(result["error_msg"], message.as_str(), "{case}");
                        refused_for_permission += usize::from(code == "NO_PERMISSION");
                    }
                }
            }
        }
    }
    // Both sides of the comparison occur.
    assert!(accepted_somewhere > 50 && refused_for_permission > 50, "{accepted_somewhere} {refused_for_permission}");
}
