//! Properties that hold for every input, checked on generated tasks and on
//! arbitrary JSON.

#![cfg(not(target_arch = "wasm32"))]

use drs_stop_rules::{
    evaluate_json, evaluate_stop, plan_json, plan_stop, ApiVersion, ForceChoice, Lang, PlanRequest, PlanTask,
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
    fn evaluation_is_total_for_any_json(value in json_value(), lang in lang()) {
        // Never a panic: a decision (or decisions) or an INVALID_INPUT error.
        match evaluate_json(&value.to_string(), lang) {
            Ok(output) => prop_assert!(serde_json::from_str::<Value>(&output).is_ok()),
            Err(error) => prop_assert_eq!(error.code, "INVALID_INPUT"),
        }
        match plan_json(&value.to_string()) {
            Ok(output) => prop_assert!(serde_json::from_str::<Value>(&output).is_ok()),
            Err(error) => prop_assert_eq!(error.code, "INVALID_INPUT"),
        }
    }

    #[test]
    fn any_text_is_total_input(text in any::<String>()) {
        let _ = evaluate_json(&text, Lang::EnUs);
        let _ = plan_json(&text);
        let _ = StopTask::new("sync", text.clone());
        let decision = evaluate_stop(&StopTask::new("sync", text), Lang::ZhCn);
        prop_assert!(decision.stoppable || decision.blocked.is_some());
    }
}
