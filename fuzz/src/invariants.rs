//! Invariants of the contract, checked on the JSON form of decisions and
//! plans. A violation panics, which libFuzzer reports as a crash.

use serde_json::Value;

const CODE: &str = "INVALID_INPUT";

/// An `Err` of an entry point must be the contract's one error code.
pub fn check_input_error(error: &drs_stop_rules::InputError) {
    assert_eq!(error.code, CODE, "unexpected error code: {error}");
    assert!(!error.message.is_empty(), "an error without a message: {error:?}");
}

fn flag(value: &Value, what: &str) -> bool {
    value.as_bool().unwrap_or_else(|| panic!("{what} is not a boolean: {value}"))
}

/// One mode: fixed API spellings, and available exactly when nothing blocks it.
fn check_mode(mode: &Value, force: bool) {
    let available = flag(&mode["available"], "available");
    assert_eq!(available, mode["blocked"].is_null(), "available disagrees with blocked: {mode}");
    let delete_type = if force { "force_terminate" } else { "terminate" };
    assert_eq!(mode["delete_type"], delete_type, "{mode}");
    assert_eq!(mode["is_force_stop"], force, "{mode}");
    if !force {
        assert_eq!(mode["follow_ups"], Value::Array(vec![]), "a normal stop has no follow-ups: {mode}");
    }
}

/// The decision invariants (README, "The rules"):
/// - blocked: no mode available, both carry the decision's refusal,
///   `preselected_mode` null, not abnormal, no advice;
/// - stoppable: force always available; abnormal <=> normal unavailable
///   <=> force preselected <=> some abnormal reason.
pub fn check_decision(decision: &Value) {
    let normal = &decision["modes"]["normal"];
    let force = &decision["modes"]["force"];
    check_mode(normal, false);
    check_mode(force, true);
    let abnormal = flag(&decision["abnormal"], "abnormal");
    let reasons = decision["abnormal_reasons"].as_array().expect("abnormal_reasons is an array");
    assert_eq!(abnormal, !reasons.is_empty(), "abnormal disagrees with its reasons: {decision}");
    if flag(&decision["stoppable"], "stoppable") {
        assert!(decision["blocked"].is_null(), "a stoppable decision is blocked: {decision}");
        assert_eq!(force["available"], true, "stoppable but force unavailable: {decision}");
        assert_eq!(abnormal, normal["available"] == false, "abnormal <=> normal unavailable: {decision}");
        if abnormal {
            assert_eq!(normal["blocked"]["code"], "TASK_ABNORMAL", "{decision}");
        }
        let preselected = if abnormal { "force" } else { "normal" };
        assert_eq!(decision["preselected_mode"], preselected, "{decision}");
        assert!(!decision["advice"].as_array().expect("advice is an array").is_empty(), "{decision}");
    } else {
        let blocked = &decision["blocked"];
        assert!(blocked["code"].is_string(), "a blocked decision without a code: {decision}");
        assert!(!blocked["message"].as_str().unwrap_or_default().is_empty(), "{decision}");
        assert_eq!(&normal["blocked"], blocked, "{decision}");
        assert_eq!(&force["blocked"], blocked, "{decision}");
        assert!(decision["preselected_mode"].is_null(), "a blocked decision preselects a mode: {decision}");
        assert!(!abnormal, "a blocked decision is abnormal: {decision}");
        assert_eq!(decision["advice"], Value::Array(vec![]), "{decision}");
    }
}

/// The plan invariants (README, "Batch plans"): every task is accepted or
/// rejected, the request holds exactly the accepted jobs in order, and no
/// id is accepted twice.
pub fn check_plan(plan: &Value, task_count: usize) {
    let accepted = plan["accepted"].as_array().expect("accepted is an array");
    let rejected = plan["rejected"].as_array().expect("rejected is an array");
    let jobs = plan["request"]["jobs"].as_array().expect("request.jobs is an array");
    assert_eq!(accepted.len() + rejected.len(), task_count, "a task got lost: {plan}");
    assert_eq!(jobs.len(), accepted.len(), "{plan}");
    let v5 = plan["endpoint"]["method"] == "POST";
    for (job, task) in jobs.iter().zip(accepted) {
        assert_eq!(job["job_id"], task["id"], "{plan}");
        let force = task["mode"] == "force";
        if v5 {
            assert_eq!(job["is_force_stop"], force, "{plan}");
        } else {
            assert_eq!(job["delete_type"], if force { "force_terminate" } else { "terminate" }, "{plan}");
        }
    }
    let mut ids: Vec<&str> = accepted.iter().map(|task| task["id"].as_str().expect("accepted id")).collect();
    ids.sort_unstable();
    assert!(ids.windows(2).all(|pair| pair[0] != pair[1]), "an id is accepted twice: {plan}");
    for task in rejected {
        assert!(task["code"].is_string() && task["message"].is_string(), "{plan}");
    }
}
