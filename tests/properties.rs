//! Properties that hold for every input, checked on generated tasks and on
//! arbitrary JSON.

#![cfg(not(target_arch = "wasm32"))]

use drs_stop_rules::{
    evaluate_json, evaluate_stop, plan_json, plan_stop, ApiVersion, ForceChoice, Lang, PlanRequest, PlanTask, Status,
    StatusCode, StopMode, StopTask,
};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;

fn status_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(StatusCode::ALL.to_vec()).prop_map(|code| code.as_str().to_string()),
        1 => proptest::sample::select(StatusCode::ALL.to_vec()).prop_map(|code| format!("  {}：desc", code.as_str().to_lowercase())),
        1 => proptest::sample::select(vec!["PAUSEING", "PAUSED", "STARTJOB_FAILED", "", "NEW_STATUS"]).prop_map(String::from),
        1 => any::<String>(),
    ]
}

fn task() -> impl Strategy<Value = StopTask> {
    (
        prop_oneof![4 => proptest::sample::select(vec!["migration", "sync", "cloudDataGuard"]).prop_map(String::from), 1 => any::<String>()],
        status_text(),
        proptest::option::of(proptest::sample::select(vec!["mysql", "postgresql", "PostgreSQL", "mongodb"]).prop_map(String::from)),
        proptest::option::of(proptest::sample::select(vec!["FULL_TRANS", "FULL_INCR_TRANS", "INCR_TRANS"]).prop_map(String::from)),
        any::<[bool; 4]>(),
        proptest::option::of("[a-e]"),
    )
        .prop_map(|(kind, status, engine_type, task_type, [network_abnormal, configuration_failed, is_parent, multi_write], id)| StopTask {
            id,
            db_use_type: kind,
            status,
            engine_type,
            task_type,
            network_abnormal,
            configuration_failed,
            is_parent,
            multi_write,
            ..StopTask::default()
        })
}

fn lang() -> impl Strategy<Value = Lang> {
    proptest::sample::select(Lang::ALL.to_vec())
}

/// Any JSON value, nested a few levels, with the contract's field names likely.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        status_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "id",
                        "db_use_type",
                        "status",
                        "engine_type",
                        "task_type",
                        "network_abnormal",
                        "configuration_failed",
                        "is_parent",
                        "multi_write",
                        "tasks",
                        "force",
                        "api",
                        "lang",
                        "other",
                    ]),
                    inner
                ),
                0..10
            )
            .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_blocked_task_has_no_available_mode(task in task(), lang in lang()) {
        let decision = evaluate_stop(&task, lang);
        if !decision.stoppable {
            prop_assert!(decision.blocked.is_some());
            prop_assert!(!decision.modes.normal.available && !decision.modes.force.available);
            prop_assert_eq!(&decision.modes.normal.blocked, &decision.blocked);
            prop_assert_eq!(&decision.modes.force.blocked, &decision.blocked);
            prop_assert_eq!(decision.preselected_mode, None);
            prop_assert!(!decision.abnormal && decision.abnormal_reasons.is_empty() && decision.advice.is_empty());
        } else {
            prop_assert!(decision.blocked.is_none());
            prop_assert!(decision.modes.force.available, "force is available for every stoppable task");
        }
    }

    #[test]
    fn abnormal_if_and_only_if_the_normal_mode_is_unavailable(task in task(), lang in lang()) {
        let decision = evaluate_stop(&task, lang);
        if decision.stoppable {
            prop_assert_eq!(decision.abnormal, !decision.modes.normal.available);
            prop_assert_eq!(decision.abnormal, !decision.abnormal_reasons.is_empty());
            let expected_mode = if decision.abnormal { StopMode::Force } else { StopMode::Normal };
            prop_assert_eq!(decision.preselected_mode, Some(expected_mode));
            prop_assert_eq!(decision.abnormal, decision.advice.iter().any(|a| a.code.as_str() == "RESTORE_FIRST"));
        }
    }

    #[test]
    fn a_plan_never_contains_a_blocked_or_duplicated_task(
        tasks in proptest::collection::vec(task().prop_map(|mut t| { t.id.get_or_insert_with(|| "z".into()); t }), 0..24),
        force in proptest::sample::select(vec![ForceChoice::Auto, ForceChoice::Always, ForceChoice::Never]),
        api in proptest::sample::select(vec![ApiVersion::V3, ApiVersion::V5]),
        lang in lang(),
    ) {
        let planned = tasks.iter().map(|t| PlanTask::new(t.id.clone().unwrap_or_default(), t.clone())).collect();
        let plan = plan_stop(&PlanRequest { tasks: planned, force, api, lang, ..PlanRequest::default() });
        prop_assert_eq!(plan.accepted.len() + plan.rejected.len(), tasks.len(), "every task is accounted for");
        prop_assert_eq!(plan.request.jobs.len(), plan.accepted.len());
        let mut ids = HashSet::new();
        for accepted in &plan.accepted {
            prop_assert!(ids.insert(accepted.id.clone()), "{} accepted twice", accepted.id);
            let task = tasks.iter().find(|t| t.id.as_deref() == Some(&accepted.id)).unwrap();
            let decision = evaluate_stop(task, lang);
            prop_assert!(decision.stoppable);
            prop_assert!(decision.modes.get(accepted.mode).available);
            match force {
                ForceChoice::Always => prop_assert_eq!(accepted.mode, StopMode::Force),
                ForceChoice::Never => prop_assert_eq!(accepted.mode, StopMode::Normal),
                ForceChoice::Auto => prop_assert_eq!(Some(accepted.mode), decision.preselected_mode),
            }
        }
        // Accepted jobs keep the input order.
        let first_positions: Vec<usize> = plan.accepted.iter()
            .map(|a| tasks.iter().position(|t| t.id.as_deref() == Some(&a.id)).unwrap())
            .collect();
        prop_assert!(first_positions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn any_json_gets_the_typed_answer_or_an_input_error_at_a_real_path(value in json_value(), lang in lang()) {
        // A decision (or one per element, in order) equal to the typed API's,
        // or INVALID_INPUT whose path leads into the input.
        match evaluate_json(&value.to_string(), lang) {
            Ok(output) => {
                let output: Value = serde_json::from_str(&output).unwrap();
                let typed = |task: &Value| serde_json::to_value(evaluate_stop(&StopTask::from_json(task).unwrap(), lang)).unwrap();
                match &value {
                    Value::Array(tasks) => prop_assert_eq!(output, Value::Array(tasks.iter().map(typed).collect())),
                    task => prop_assert_eq!(output, typed(task)),
                }
            }
            Err(error) => {
                prop_assert_eq!(error.code, "INVALID_INPUT");
                prop_assert!(leads_into(&value, &error.path), "path {:?} is not in {}", error.path, value);
                prop_assert!(!error.message.is_empty());
            }
        }
        match plan_json(&value.to_string()) {
            Ok(output) => {
                let request = PlanRequest::from_json(&value).unwrap();
                let plan = plan_stop(&request);
                prop_assert_eq!(plan.accepted.len() + plan.rejected.len(), request.tasks.len());
                prop_assert_eq!(serde_json::from_str::<Value>(&output).unwrap(), serde_json::to_value(plan).unwrap());
            }
            Err(error) => {
                prop_assert_eq!(error.code, "INVALID_INPUT");
                prop_assert!(leads_into(&value, &error.path), "path {:?} is not in {}", error.path, value);
            }
        }
    }

    #[test]
    fn any_text_is_read_as_json_or_refused_at_the_root(text in any::<String>()) {
        let is_json = serde_json::from_str::<Value>(&text).is_ok();
        for result in [evaluate_json(&text, Lang::EnUs), plan_json(&text)] {
            if let Err(error) = result {
                prop_assert_eq!(error.code, "INVALID_INPUT");
                if !is_json {
                    prop_assert_eq!(error.path.as_str(), "", "text that is not JSON is refused as a whole");
                }
            } else {
                prop_assert!(is_json, "only JSON gets an answer");
            }
        }
    }

    #[test]
    fn any_status_text_normalises_once_and_decides_by_its_normal_form(text in any::<String>(), lang in lang()) {
        let status = Status::parse(&text);
        prop_assert_eq!(Status::parse(status.as_str()), status.clone(), "normalising twice changes nothing");
        let decision = evaluate_stop(&StopTask::new("sync", text.clone()), lang);
        prop_assert_eq!(decision.status.as_str(), status.as_str());
        let normal_form = evaluate_stop(&StopTask::new("sync", status.as_str()), lang);
        prop_assert_eq!(&decision.modes, &normal_form.modes);
        prop_assert_eq!(&decision.blocked, &normal_form.blocked);
        match status {
            Status::Known(_) => prop_assert!(decision.blocked.as_ref().is_none_or(|b| b.code.as_str() != "UNKNOWN_STATUS")),
            Status::Unknown(_) => {
                prop_assert_eq!(decision.blocked.map(|b| b.code.as_str()), Some("UNKNOWN_STATUS"));
                prop_assert_eq!(decision.status_label, text, "an unknown status is shown as sent");
            }
        }
    }
}

/// Whether an error path (`tasks[3].status`, `[1]`, `` for the whole input)
/// leads into `value`: every step but the last exists, and the last is a
/// field of an object (it may be the missing one) or an element that exists.
fn leads_into(value: &Value, path: &str) -> bool {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, indices) = part.split_once('[').map_or((part, ""), |(n, rest)| (n, rest));
        if !name.is_empty() {
            steps.push(Err(name.to_string()));
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            match index.trim_end_matches(']').parse::<usize>() {
                Ok(i) => steps.push(Ok(i)),
                Err(_) => return false,
            }
        }
    }
    let mut here = value;
    for (n, step) in steps.iter().enumerate() {
        let last = n + 1 == steps.len();
        let next = match step {
            Ok(i) => here.as_array().and_then(|items| items.get(*i)),
            Err(name) => match here.as_object() {
                Some(object) => object.get(name),
                None => return false,
            },
        };
        match next {
            Some(next) => here = next,
            None => return last && step.is_err(),
        }
    }
    true
}
