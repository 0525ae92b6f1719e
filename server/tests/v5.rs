//! The DRS v5 subset: the batch stop `planStop({api: "v5"})` builds is sent
//! to the endpoint the plan names and checked by the same crate.

mod common;

use std::time::Duration;

use common::*;
use drs_stop_rules::{plan_stop, PlanRequest};
use serde_json::{json, Value};

#[tokio::test]
async fn a_v5_plan_is_accepted_exactly_as_planned() {
    let address = start(config_with_delay(Duration::from_secs(600))).await;
    let tasks = get(address, &format!("/v3/{PROJECT}/jobs")).await.json()["jobs"].clone();
    for force in [json!("auto"), json!(true)] {
        let plan =
            plan_stop(&PlanRequest::from_json(&json!({ "tasks": tasks, "api": "v5", "force": force })).expect("plan"));
        assert_eq!((plan.endpoint.method, plan.endpoint.path), ("POST", "/v5/{project_id}/jobs/batch-stop"));
        let body = serde_json::to_value(&plan.request).expect("request");
        let path = plan.endpoint.path.replace("{project_id}", PROJECT);
        let reply = request(address, plan.endpoint.method, &path, body.to_string(), &[]).await;
        assert_eq!(reply.status, 202, "{force}");
        let results = reply.json()["results"].as_array().expect("results").clone();
        if force == "auto" {
            // Everything the plan accepted is stopped.
            let accepted: Vec<&str> = plan.accepted.iter().map(|task| task.id.as_str()).collect();
            assert!(accepted.len() > 20);
            let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap_or_default()).collect();
            assert_eq!(ids, accepted);
            assert!(results.iter().all(|r| r["status"] == "success"), "{results:?}");
        } else {
            // Sent again (forced): now every one of them is stopping, and the backend says so with the crate's code.
            assert!(results.iter().all(|r| r["error_code"] == "ALREADY_STOPPING"), "{results:?}");
        }
    }
}

#[tokio::test]
async fn v5_batch_stop_refuses_what_the_rules_refuse_and_checks_its_body() {
    let address = start(config_with_delay(Duration::from_secs(600))).await;
    let stopped = task_id(address, "sync", "RELEASE_RESOURCE_COMPLETE").await;
    let abnormal = task_id(address, "sync", "INCRE_TRANSFER_FAILED").await;
    let path = format!("/v5/{PROJECT}/jobs/batch-stop");
    let body = json!({ "jobs": [
        { "job_id": stopped, "is_force_stop": true },
        { "job_id": abnormal, "is_force_stop": false },
        { "job_id": "no-such-task", "is_force_stop": true },
    ] });
    let results: Vec<Value> = request(address, "POST", &path, body.to_string(), &[]).await.json()["results"]
        .as_array()
        .expect("results")
        .clone();
    let codes: Vec<&str> = results.iter().map(|r| r["error_code"].as_str().unwrap_or("success")).collect();
    assert_eq!(codes, ["ALREADY_STOPPED", "TASK_ABNORMAL", "TASK_NOT_FOUND"]);
    for bad in
        [r#"{"jobs":[{"job_id":"a"}]}"#, r#"{"jobs":[{"job_id":"a","is_force_stop":"yes"}]}"#, r#"{"jobs":["a"]}"#]
    {
        let reply = request(address, "POST", &path, bad, &[]).await;
        assert_eq!(reply.status, 422, "{bad}");
    }
    assert_eq!(request(address, "POST", &path, r#"{"jobs":[]}"#, &[("x-auth-token", "")]).await.status, 401);
    assert_eq!(request(address, "POST", "/v5/other/jobs/batch-stop", body.to_string(), &[]).await.status, 403);
}

#[tokio::test]
async fn the_v5_list_decides_like_the_v3_list_and_its_job_action_agrees_with_the_rules() {
    use drs_console_server::tokens_from_json_text;
    use drs_stop_rules::{evaluate_stop, EvaluateOptions, Lang, Policy, StopTask};
    let tokens = json!([{ "token": "reader", "project_id": PROJECT, "policy": "ReadOnlyAccess" }]).to_string();
    let config = drs_console_server::Config {
        tokens: tokens_from_json_text(&tokens).expect("tokens"),
        ..config_with_delay(Duration::from_secs(600))
    };
    let address = start(config).await;
    for (token, policy) in [(TOKEN, "FullAccess"), ("reader", "ReadOnlyAccess")] {
        let auth = [("x-auth-token", token)];
        let options = EvaluateOptions::new(Lang::EnUs).with_policy(Policy::from_name(policy));
        let v3 = request(address, "GET", &format!("/v3/{PROJECT}/jobs"), "", &auth).await.json()["jobs"].clone();
        let v5 = request(address, "GET", &format!("/v5/{PROJECT}/jobs"), "", &auth).await.json()["jobs"].clone();
        let (v3, v5) = (v3.as_array().expect("v3"), v5.as_array().expect("v5"));
        assert_eq!(v3.len(), v5.len());
        let mut parents = 0;
        for (old, new) in v3.iter().zip(v5) {
            assert_eq!(old["id"], new["id"]);
            assert!(new.get("db_use_type").is_none() && new["job_type"] == old["db_use_type"], "{new}");
            assert!(new.get("is_parent").is_none());
            if old["is_parent"] == true {
                assert_eq!(new["job_mode_role"], "parent");
                parents += 1;
            }
            let by_v3 = evaluate_stop(&StopTask::from_json(old).expect("v3 item"), options.clone());
            let by_v5 = evaluate_stop(&StopTask::from_json(new).expect("v5 item"), options.clone());
            let case = format!("{policy} {}", old["status"]);
            assert!(by_v5.backend.agrees, "{case}: {new}");
            assert_eq!(by_v5.stoppable, by_v3.stoppable, "{case}");
            assert_eq!(by_v5.delete.available, by_v3.delete.available, "{case}");
            assert_eq!(by_v5.blocked.map(|b| b.code), by_v3.blocked.map(|b| b.code), "{case}");
            let available = new["job_action"]["available_actions"].as_array().expect("available");
            if policy == "ReadOnlyAccess" {
                assert!(available.is_empty(), "{case}: {new}");
            }
        }
        assert!(parents >= 3);
    }
    let sync = get(address, &format!("/v5/{PROJECT}/jobs?job_type=sync")).await.json();
    let jobs = sync["jobs"].as_array().expect("jobs");
    assert!(!jobs.is_empty() && jobs.iter().all(|job| job["job_type"] == "sync"));
    assert_eq!(sync["count"], jobs.len());
}
