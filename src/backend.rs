//! The backend's own verdict (contract section 10): v5 list items carry
//! `job_action { available_actions, unavailable_actions, current_action }`.
//! The rules report it beside their own decision and never offer an action
//! the backend has withheld.

use serde::Serialize;

use crate::serialize_fields::serialize_fields;

use crate::decision::StopDecision;

/// The action whose availability is the backend's verdict on Stop. There is
/// no plain STOP action: FREE_RESOURCE is what moves a task to
/// `RELEASE_RESOURCE_*` (inferred; fact sheet addendum).
pub const STOP_ACTION: &str = "FREE_RESOURCE";
/// The action whose availability is the backend's verdict on Delete.
pub const DELETE_ACTION: &str = "DELETE";

/// What a task's `job_action` says about Stop and Delete: `Some(true)` when
/// listed as available, `Some(false)` when listed as unavailable, `None`
/// when the backend gave no verdict. (`current_action` is not read: what it
/// holds while a task is idle is not documented.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct BackendVerdict {
    pub stop: Option<bool>,
    pub delete: Option<bool>,
}

/// Which list of `job_action` an action name was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionList {
    Available,
    Unavailable,
}

impl BackendVerdict {
    /// Takes one action name from one of the lists into account. A name
    /// found in both lists counts as refused (fail-safe).
    pub fn note(&mut self, list: ActionList, action: &str) {
        let verdict = match action {
            STOP_ACTION => &mut self.stop,
            DELETE_ACTION => &mut self.delete,
            _ => return,
        };
        *verdict = match (list, *verdict) {
            (ActionList::Unavailable, _) | (ActionList::Available, Some(false)) => Some(false),
            (ActionList::Available, _) => Some(true),
        };
    }
}

/// What a decision reports about the backend: its verdicts, and whether
/// they agree with what the rules alone decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackendReport {
    /// `null` where the backend gave no verdict.
    pub stop: Option<bool>,
    pub delete: Option<bool>,
    /// `false` when a verdict differs from the rules' own decision (before
    /// the backend's refusals were applied): drift worth logging.
    pub agrees: bool,
}

serialize_fields!(BackendReport { stop, delete, agrees });

impl BackendReport {
    /// Compares the verdict with what the rules allow on their own.
    pub fn compare(verdict: BackendVerdict, rules_stop: bool, rules_delete: bool) -> BackendReport {
        let agrees = verdict.stop.is_none_or(|stop| stop == rules_stop)
            && verdict.delete.is_none_or(|delete| delete == rules_delete);
        BackendReport { stop: verdict.stop, delete: verdict.delete, agrees }
    }
}

/// A v5 item's `job_action` as a backend that follows these rules lists it
/// (the reference backend's v5 list): Stop ([`STOP_ACTION`]) and Delete
/// ([`DELETE_ACTION`]), each available or unavailable as the decision says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobAction {
    pub available_actions: Vec<&'static str>,
    pub unavailable_actions: Vec<&'static str>,
}

/// The `job_action` that agrees with `decision`: a console reading it back
/// gets the same decision with `backend.agrees == true`.
pub fn job_action(decision: &StopDecision) -> JobAction {
    let mut action = JobAction { available_actions: Vec::new(), unavailable_actions: Vec::new() };
    for (name, allowed) in [(STOP_ACTION, decision.stoppable), (DELETE_ACTION, decision.delete.available)] {
        if allowed {
            action.available_actions.push(name);
        } else {
            action.unavailable_actions.push(name);
        }
    }
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_stop, EvaluateOptions, Lang, Policy, StatusCode, StopTask};

    #[test]
    fn the_job_action_of_a_decision_reads_back_as_agreeing() {
        for policy in Policy::KNOWN {
            for kind in ["migration", "sync", "cloudDataGuard"] {
                for status in StatusCode::ALL {
                    let options = EvaluateOptions::new(Lang::EnUs).with_policy(policy.clone());
                    let task = StopTask::new(kind, status.as_str());
                    let decision = evaluate_stop(&task, options.clone());
                    let action = job_action(&decision);
                    let mut item = serde_json::json!({ "db_use_type": kind, "status": status.as_str() });
                    item["job_action"] = serde_json::to_value(&action).unwrap_or_default();
                    let read = StopTask::from_json(&item).map(|task| evaluate_stop(&task, options.clone()));
                    // A test: the item is built here, so a read error is a failure to report.
                    let read = read.unwrap_or_else(|error| panic!("{kind} {status:?}: {error:?}"));
                    assert!(read.backend.agrees, "{policy:?} {kind} {status:?}");
                    assert_eq!(read.backend.stop, Some(decision.stoppable));
                    assert_eq!(read.backend.delete, Some(decision.delete.available));
                    assert_eq!(
                        (read.stoppable, read.delete.available),
                        (decision.stoppable, decision.delete.available)
                    );
                }
            }
        }
    }

    #[test]
    fn a_verdict_is_read_from_either_list_and_refusal_wins() {
        let mut verdict = BackendVerdict::default();
        verdict.note(ActionList::Available, "PAUSE");
        assert_eq!(verdict, BackendVerdict::default());
        verdict.note(ActionList::Available, "FREE_RESOURCE");
        verdict.note(ActionList::Unavailable, "DELETE");
        assert_eq!(verdict, BackendVerdict { stop: Some(true), delete: Some(false) });
        verdict.note(ActionList::Unavailable, "FREE_RESOURCE");
        verdict.note(ActionList::Available, "DELETE");
        assert_eq!(verdict, BackendVerdict { stop: Some(false), delete: Some(false) });
    }
}
