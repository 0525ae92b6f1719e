//! The DRS v3 subset end to end over HTTP: listing, batch status, stops
//! checked by the rules crate, deletes, errors and the version header.

mod common;

use std::time::{Duration, Instant};

use common::*;
use drs_stop_rules::{evaluate_stop, rules_version, Lang, StatusCode, StopTask};
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(60);

#[tokio::test]
async fn lists_tasks_by_kind_covering_every_status_with_the_version_header() {
    let address = start(config_with_delay(LONG)).await;
    let all = get(address, &format!("/v3/{PROJECT}/jobs")).await;
    assert_eq!(all.status, 200);
    assert_eq!(all.header("x-stop-rules-version"), Some(rules_version().as_str()));
    let total = all.json()["count"].as_u64().expect("count");
    let mut sum = 0;
    for kind in ["migration", "sync", "cloudDataGuard"] {
        let tasks = jobs(address, kind).await;
        sum += tasks.len() as u64;
        assert!(tasks.iter().all(|task| task["db_use_type"] == kind));
        for status in StatusCode::ALL {
            assert!(tasks.iter().any(|task| task["status"] == status.as_str()), "{kind} lacks {}", status.as_str());
        }
        for task in &tasks {
            for field in ["id", "name", "status", "engine_type", "task_type"] {
                assert!(task[field].is_string(), "{kind} task lacks {field}: {task}");
            }
        }
    }
    assert_eq!(sum, total);
    let markup = jobs(address, "migration")
        .await
        .into_iter()
        .any(|task| task["name"].as_str().is_some_and(|n| n.contains("<img")));
    assert!(markup, "a task name with markup is seeded");
}

#[tokio::test]
async fn batch_status_reports_each_id_and_unknown_ids() {
    let address = start(config_with_delay(LONG)).await;
    let id = task_id(address, "sync", "PAUSING").await;
    let body = json!({ "jobs": [id, "no-such-task"] }).to_string();
    let reply = request(address, "POST", &format!("/v3/{PROJECT}/jobs/batch-status"), body, &[]).await;
    assert_eq!(reply.status, 200);
    assert!(reply.header("x-stop-rules-version").is_some());
    let json = reply.json();
    assert_eq!(json["count"], 2);
    assert_eq!(json["results"][0], json!({ "id": id, "status": "PAUSING" }));
    assert_eq!(json["results"][1]["id"], "no-such-task");
    assert_eq!(json["results"][1]["error_code"], "TASK_NOT_FOUND");
    assert!(json["results"][1]["error_message"].is_string());
}

#[tokio::test]
async fn stops_the_rules_refuse_fail_with_the_rules_code_and_message() {
    let address = start(config_with_delay(LONG)).await;
    let stopped = task_id(address, "migration", "RELEASE_RESOURCE_COMPLETE").await;
    let failed = task_id(address, "migration", "INCRE_TRANSFER_FAILED").await;
    let reply =
        batch_jobs(address, &[("terminate", &stopped), ("force_terminate", &stopped), ("terminate", &failed)]).await;
    assert_eq!(reply.status, 202);
    let results = reply.json()["results"].clone();
    assert_eq!(results[0]["status"], "failed");
    assert_eq!(results[0]["error_code"], "ALREADY_STOPPED");
    assert_eq!(results[1]["error_code"], "ALREADY_STOPPED");
    assert_eq!(results[2]["error_code"], "TASK_ABNORMAL");
    let expected = evaluate_stop(&StopTask::new("migration", "INCRE_TRANSFER_FAILED"), Lang::EnUs);
    assert_eq!(results[2]["error_msg"], expected.modes.normal.blocked.expect("blocked").message.as_ref());
    assert_eq!(status_of(address, &failed).await["status"], "INCRE_TRANSFER_FAILED", "a refused stop changes nothing");

    // A forced stop of the same abnormal task is accepted.
    let reply = batch_jobs(address, &[("force_terminate", &failed)]).await;
    assert_eq!(reply.json()["results"][0], json!({ "id": failed, "status": "success" }));
    assert_eq!(status_of(address, &failed).await["status"], "RELEASE_RESOURCE_STARTED");
}

#[tokio::test]
async fn flags_are_checked_too_parent_and_dual_active_dr() {
    let address = start(config_with_delay(LONG)).await;
    let find = |tasks: Vec<Value>, pred: fn(&Value) -> bool| {
        tasks.into_iter().find(pred).expect("seeded")["id"].as_str().expect("id").to_string()
    };
    let parent = find(jobs(address, "migration").await, |t| t["is_parent"] == true);
    let dual = find(jobs(address, "cloudDataGuard").await, |t| t["is_parent"] == true && t["multi_write"] == true);
    let results = batch_jobs(address, &[("terminate", &parent), ("terminate", &dual)]).await.json()["results"].clone();
    assert_eq!(results[0]["error_code"], "PARENT_TASK");
    assert_eq!(results[1]["status"], "success");
}

#[tokio::test]
async fn messages_follow_x_language() {
    let address = start(config_with_delay(LONG)).await;
    let stopped = task_id(address, "sync", "RELEASE_RESOURCE_COMPLETE").await;
    let reply = batch_jobs_lang(address, &[("terminate", &stopped)], "zh-cn").await;
    let expected = evaluate_stop(&StopTask::new("sync", "RELEASE_RESOURCE_COMPLETE"), Lang::ZhCn);
    assert_eq!(reply.json()["results"][0]["error_msg"], expected.blocked.expect("blocked").message.as_ref());
}

#[tokio::test]
async fn an_accepted_stop_completes_after_the_delay_and_can_then_be_deleted() {
    let address = start(config_with_delay(Duration::from_millis(150))).await;
    let id = task_id(address, "cloudDataGuard", "INCRE_TRANSFER_STARTED").await;
    let started = Instant::now();
    assert_eq!(batch_jobs(address, &[("terminate", &id)]).await.json()["results"][0]["status"], "success");
    assert_eq!(status_of(address, &id).await["status"], "RELEASE_RESOURCE_STARTED");
    // Deleting a task that is still stopping is refused.
    assert_eq!(batch_jobs(address, &[("delete", &id)]).await.json()["results"][0]["error_code"], "STOP_FIRST");
    loop {
        let status = status_of(address, &id).await["status"].clone();
        if status == "RELEASE_RESOURCE_COMPLETE" {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "still {status} after 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(started.elapsed() >= Duration::from_millis(150), "completed before the delay");

    assert_eq!(batch_jobs(address, &[("delete", &id)]).await.json()["results"][0]["status"], "success");
    assert!(jobs(address, "cloudDataGuard").await.iter().all(|task| task["id"] != id.as_str()));
    assert_eq!(status_of(address, &id).await, json!({ "id": id, "status": "DELETED" }));
    assert_eq!(batch_jobs(address, &[("delete", &id)]).await.json()["results"][0]["error_code"], "TASK_DELETED");
}

#[tokio::test]
async fn delete_only_for_failed_creation_and_stopped_tasks() {
    let address = start(config_with_delay(LONG)).await;
    let mut outcomes = Vec::new();
    for status in [
        "CREATE_FAILED",
        "RELEASE_RESOURCE_COMPLETE",
        "RELEASE_CHILD_TRANSFER_COMPLETE",
        "INCRE_TRANSFER_STARTED",
        "INCRE_TRANSFER_FAILED",
        "RELEASE_RESOURCE_STARTED",
    ] {
        let id = task_id(address, "sync", status).await;
        let result = batch_jobs(address, &[("delete", &id)]).await.json()["results"][0].clone();
        outcomes.push((
            status,
            result["status"].as_str().unwrap_or_default().to_string(),
            result["error_code"].clone(),
        ));
    }
    assert_eq!(
        outcomes,
        vec![
            ("CREATE_FAILED", "success".into(), Value::Null),
            ("RELEASE_RESOURCE_COMPLETE", "success".into(), Value::Null),
            ("RELEASE_CHILD_TRANSFER_COMPLETE", "success".into(), Value::Null),
            ("INCRE_TRANSFER_STARTED", "failed".into(), json!("STOP_FIRST")),
            ("INCRE_TRANSFER_FAILED", "failed".into(), json!("STOP_FIRST")),
            ("RELEASE_RESOURCE_STARTED", "failed".into(), json!("STOP_FIRST")),
        ]
    );
}

#[tokio::test]
async fn unknown_ids_and_delete_types_fail_with_clear_codes() {
    let address = start(config_with_delay(LONG)).await;
    let id = task_id(address, "migration", "INCRE_TRANSFER_STARTED").await;
    let reply = batch_jobs(address, &[("terminate", "no-such-task"), ("pause", &id), ("delete", "nope")]).await;
    assert_eq!(reply.status, 202);
    let json = reply.json();
    assert_eq!(json["count"], 3);
    assert_eq!(json["results"][0]["error_code"], "TASK_NOT_FOUND");
    assert_eq!(json["results"][1]["error_code"], "INVALID_DELETE_TYPE");
    assert_eq!(json["results"][2]["error_code"], "TASK_NOT_FOUND");
    assert_eq!(status_of(address, &id).await["status"], "INCRE_TRANSFER_STARTED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_stops_of_one_task_give_exactly_one_success() {
    let address = start(config_with_delay(LONG)).await;
    let id = task_id(address, "migration", "INCRE_TRANSFER_STARTED").await;
    let requests: Vec<_> = (0..20)
        .map(|i| {
            let id = id.clone();
            let mode = if i % 2 == 0 { "terminate" } else { "force_terminate" };
            tokio::spawn(async move { batch_jobs(address, &[(mode, &id)]).await.json()["results"][0].clone() })
        })
        .collect();
    let mut results = Vec::new();
    for request in requests {
        results.push(request.await.expect("request task"));
    }
    let successes = results.iter().filter(|r| r["status"] == "success").count();
    assert_eq!(successes, 1, "{results:?}");
    assert!(results.iter().filter(|r| r["status"] == "failed").all(|r| r["error_code"] == "ALREADY_STOPPING"));
}

#[tokio::test]
async fn malformed_and_misshapen_bodies_get_json_errors() {
    let address = start(config_with_delay(LONG)).await;
    let path = format!("/v3/{PROJECT}/jobs/batch-jobs");
    let cases: &[(&str, &str, u16)] = &[
        ("DELETE", "{\"jobs\": [", 400),
        ("DELETE", "", 400),
        ("DELETE", "[1,2]", 422),
        ("DELETE", "{\"jobs\": {}}", 422),
        ("DELETE", "{\"jobs\": []}", 422),
        ("DELETE", "{\"jobs\": [7]}", 422),
        ("DELETE", "{\"jobs\": [{\"delete_type\": \"terminate\"}]}", 422),
        ("DELETE", "{\"jobs\": [{\"job_id\": \"x\"}]}", 422),
        ("DELETE", "{\"jobs\": [{\"job_id\": 5, \"delete_type\": \"terminate\"}]}", 422),
    ];
    for (method, body, expected) in cases {
        let reply = request(address, method, &path, body.to_string(), &[("content-type", "application/json")]).await;
        assert_eq!(reply.status, *expected, "{body}");
        assert!(reply.json()["error_code"].is_string(), "{body}");
        assert!(reply.header("x-stop-rules-version").is_some());
    }
    let status_path = format!("/v3/{PROJECT}/jobs/batch-status");
    for (body, expected) in [("nope", 400), ("{\"jobs\": [1]}", 422), ("{}", 422)] {
        let reply = request(address, "POST", &status_path, body, &[]).await;
        assert_eq!(reply.status, expected, "{body}");
        assert!(reply.json()["error_msg"].is_string());
    }
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let address = start(config_with_delay(LONG)).await;
    let big = format!("{{\"jobs\": [\"{}\"]}}", "x".repeat(2 * 1024 * 1024));
    let reply = request(address, "POST", &format!("/v3/{PROJECT}/jobs/batch-status"), big, &[]).await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.json()["error_code"], "REQUEST_TOO_LARGE");
    assert!(reply.header("x-stop-rules-version").is_some());
}

#[tokio::test]
async fn unknown_paths_and_methods_get_json_errors() {
    let address = start(config_with_delay(LONG)).await;
    let reply = get(address, &format!("/v3/{PROJECT}/nothing-here")).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["error_code"], "NOT_FOUND");
    let reply = get(address, &format!("/v3/{PROJECT}/jobs/batch-jobs")).await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.json()["error_code"], "METHOD_NOT_ALLOWED");
}
