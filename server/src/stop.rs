//! One job of `DELETE /v3/{project_id}/jobs/batch-jobs`: a stop (normal or
//! forced) or a delete, each checked by the rules crate on the store's
//! current snapshot under the caller's policy.

use drs_stop_rules::{evaluate_stop, EvaluateOptions, Status, StatusCode, StopMode};
use serde::Serialize;

use crate::messages;
use crate::store::Store;

/// The status an accepted stop moves a task to at once...
pub const STOPPING: StatusCode = StatusCode::ReleaseResourceStarted;
/// ...and, after the configured delay, this one.
pub const STOPPED: StatusCode = StatusCode::ReleaseResourceComplete;

/// What a job asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Stop(StopMode),
    Delete,
}

impl Action {
    /// The API's `delete_type`; `None` for anything else.
    pub fn from_delete_type(delete_type: &str) -> Option<Action> {
        match delete_type {
            "terminate" => Some(Action::Stop(StopMode::Normal)),
            "force_terminate" => Some(Action::Stop(StopMode::Force)),
            "delete" => Some(Action::Delete),
            _ => None,
        }
    }
}

/// One entry of the response's `results`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobResult {
    pub id: String,
    /// `success` or `failed`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
}

impl JobResult {
    fn success(id: &str) -> JobResult {
        JobResult { id: id.to_string(), status: "success", error_code: None, error_msg: None }
    }

    pub fn failed(id: &str, code: &str, message: &str) -> JobResult {
        JobResult {
            id: id.to_string(),
            status: "failed",
            error_code: Some(code.to_string()),
            error_msg: Some(message.to_string()),
        }
    }

    pub fn succeeded(&self) -> bool {
        self.status == "success"
    }
}

/// Applies one job to a project's tasks under the caller's policy. The
/// caller holds the store's lock, so jobs on one task are serialized; for an
/// accepted stop the caller schedules the move to [`STOPPED`]. Whether a stop
/// or a delete is allowed is the rules crate's decision alone, on the task as
/// it is now (not as the client saw it).
pub fn apply(store: &mut Store, project: &str, id: &str, action: Action, options: &EvaluateOptions) -> JobResult {
    let lang = options.lang;
    if store.is_deleted(project, id) {
        return JobResult::failed(id, messages::TASK_DELETED, messages::task_deleted(lang));
    }
    let Some(task) = store.get(project, id).cloned() else {
        return JobResult::failed(id, messages::TASK_NOT_FOUND, messages::task_not_found(lang));
    };
    let decision = evaluate_stop(task.rules_view(), options);
    let (available, blocked) = match action {
        Action::Stop(mode) => {
            let option = decision.modes.get(mode);
            (option.available, option.blocked.as_ref())
        }
        Action::Delete => (decision.delete.available, decision.delete.blocked.as_ref()),
    };
    match blocked {
        None if available => {
            match action {
                Action::Stop(_) => store.set_status(project, id, STOPPING.as_str(), true),
                Action::Delete => store.delete(project, id),
            }
            JobResult::success(id)
        }
        Some(blocked) => JobResult::failed(id, blocked.code.as_str(), &blocked.message),
        // Not reachable with the crate's decisions (an unavailable action carries
        // its reason), but never accept what the rules did not allow.
        None => JobResult::failed(id, "NOT_ALLOWED", "The rules do not allow this."),
    }
}

/// Completes a stop: called after the delay; a task that has meanwhile left
/// [`STOPPING`] (or been deleted) is left alone. Whether anything changed.
pub fn complete(store: &mut Store, project: &str, id: &str) -> bool {
    let stopping = store.get(project, id).is_some_and(|task| Status::parse(task.status()) == Status::Known(STOPPING));
    if stopping {
        store.set_status(project, id, STOPPED.as_str(), false);
    }
    stopping
}
