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
