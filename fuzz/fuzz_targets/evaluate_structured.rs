//! Structured tasks (see src/task_gen.rs) through the typed API and the JSON
//! entry points: the decision invariants hold, the JSON form reads back to
//! the same task, and every path (one task, a batch, typed, JSON, a plan)
//! gives the same answer.
#![no_main]

use drs_stop_rules::{
    evaluate_json, evaluate_stop, evaluate_stops, plan_json, plan_stop, status_label, PlanRequest, Status, StopTask,
};
use drs_stop_rules_fuzz::invariants::{check_decision, check_plan};
use drs_stop_rules_fuzz::task_gen::FuzzBatch;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|batch: FuzzBatch| {
    let mut batch = batch;
    batch.tasks.truncate(FuzzBatch::MAX_TASKS);
    let lang = batch.lang();
    let mut tasks = Vec::new();
    let mut decisions = Vec::new();
    for fuzz_task in &batch.tasks {
        let task = fuzz_task.to_task();
        let json = fuzz_task.to_json();
        assert_eq!(StopTask::from_json(&json).as_ref(), Ok(&task), "the JSON form reads back differently: {json}");

        let decision = evaluate_stop(&task, lang);
        let value = serde_json::to_value(&decision).expect("a decision serializes");
        check_decision(&value);

        // The decision echoes the task and its normalised status.
        let (_, expected_code) = fuzz_task.status.text();
        let status = Status::parse(&task.status);
        if let Some(code) = expected_code {
            assert_eq!(status, Status::Known(code), "{:?} should normalise to {code:?}", task.status);
        }
        assert_eq!(decision.status, status.as_str());
        assert_eq!(decision.id, task.id);
        assert_eq!(decision.db_use_type, task.db_use_type);
        assert_eq!(decision.status_label, status_label(&task.db_use_type, &task.status, lang));
        if decision.stoppable && task.network_abnormal {
            assert!(decision.abnormal, "network_abnormal but not abnormal: {value}");
        }

        // The single-object path for the first task; the batch path below covers every task.
        if tasks.is_empty() {
            let from_json: Value = serde_json::from_str(&evaluate_json(&json.to_string(), lang).expect("a valid task"))
                .expect("evaluate_json answers JSON");
            assert_eq!(from_json, value, "evaluate_json and evaluate_stop disagree on {json}");
        }
        tasks.push(task);
        decisions.push(decision);
    }

    assert_eq!(evaluate_stops(&tasks, lang), decisions, "evaluate_stops differs from evaluate_stop");
    let array = Value::Array(batch.tasks.iter().map(|task| task.to_json()).collect());
    let from_json: Value =
        serde_json::from_str(&evaluate_json(&array.to_string(), lang).expect("valid tasks")).unwrap();
    assert_eq!(from_json, serde_json::to_value(&decisions).unwrap(), "batched evaluate_json disagrees");

    // The plan: typed and JSON agree, and every accepted task was stoppable.
    let plan_input = batch.plan_json();
    let request = PlanRequest::from_json(&plan_input).expect("a valid plan request");
    assert_eq!((request.force, request.api, request.lang), (batch.force(), batch.api(), lang));
    let plan = serde_json::to_value(plan_stop(&request)).unwrap();
    check_plan(&plan, batch.tasks.len());
    let from_json: Value = serde_json::from_str(&plan_json(&plan_input.to_string()).expect("valid plan")).unwrap();
    assert_eq!(from_json, plan, "plan_json and plan_stop disagree");
    for accepted in plan["accepted"].as_array().unwrap() {
        let position = request.tasks.iter().position(|task| Some(task.id.as_str()) == accepted["id"].as_str()).unwrap();
        assert!(decisions[position].stoppable, "a blocked task was accepted: {plan}");
    }
});
