//! The batch stop plan (contract section 6): which tasks of a selection stop,
//! in which mode, the API request that does it, and why the others do not.

use serde::Serialize;

use crate::codes::BlockCode;
use crate::decision::{evaluate, Notice};
use crate::guidance::StopMode;
use crate::input::{ApiVersion, ForceChoice, PlanRequest, StopTask};
use crate::messages::block_message;

/// One job of the API request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RequestJob {
    /// v3 `DELETE /v3/{project_id}/jobs/batch-jobs`.
    V3 { delete_type: &'static str, job_id: String },
    /// v5 `POST /v5/{project_id}/jobs/batch-stop`.
    V5 { job_id: String, is_force_stop: bool },
}

/// The request body to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopRequest {
    pub jobs: Vec<RequestJob>,
}

/// Where the request body goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    pub method: &'static str,
    pub path: &'static str,
}

/// A task the plan stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedTask {
    pub id: String,
    pub mode: StopMode,
}

/// A task the plan does not stop, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedTask {
    pub id: String,
    pub code: BlockCode,
    pub message: &'static str,
}

/// The plan for a batch stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopPlan {
    pub request: StopRequest,
    pub endpoint: Endpoint,
    pub accepted: Vec<AcceptedTask>,
    pub rejected: Vec<RejectedTask>,
}

/// Plans a batch stop. Accepted jobs keep the input order.
pub fn plan_stop(request: &PlanRequest) -> StopPlan {
    let duplicates = later_duplicates(request);
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    let mut reject = |id: &str, notice: Notice<BlockCode>| {
        rejected.push(RejectedTask { id: id.to_string(), code: notice.code, message: notice.message });
    };
    for (task, duplicate) in request.tasks.iter().zip(duplicates) {
        let id = task_id(task);
        if duplicate {
            let code = BlockCode::DuplicateTask;
            reject(id, Notice { code, message: block_message(code, None, request.lang) });
            continue;
        }
        let decision = evaluate(task, request.lang);
        let mode = match request.force {
            // A blocked task has no preselected mode; both of its modes carry the same refusal.
            ForceChoice::Auto => decision.preselected_mode.unwrap_or(StopMode::Normal),
            ForceChoice::Always => StopMode::Force,
            ForceChoice::Never => StopMode::Normal,
        };
        match &decision.modes.get(mode).blocked {
            None => accepted.push(AcceptedTask { id: id.to_string(), mode }),
            Some(blocked) => reject(id, blocked.clone()),
        }
    }
    let jobs = accepted
        .iter()
        .map(|task| match request.api {
            ApiVersion::V3 => RequestJob::V3 { delete_type: task.mode.delete_type(), job_id: task.id.clone() },
            ApiVersion::V5 => RequestJob::V5 { job_id: task.id.clone(), is_force_stop: task.mode.is_force_stop() },
        })
        .collect();
    let endpoint = match request.api {
        ApiVersion::V3 => Endpoint { method: "DELETE", path: "/v3/{project_id}/jobs/batch-jobs" },
        ApiVersion::V5 => Endpoint { method: "POST", path: "/v5/{project_id}/jobs/batch-stop" },
    };
    StopPlan { request: StopRequest { jobs }, endpoint, accepted, rejected }
}

/// `read_plan_request` guarantees ids; a typed caller may still omit one.
fn task_id(task: &StopTask) -> &str {
    task.id.as_deref().unwrap_or_default()
}

/// For each task, whether an earlier task has the same id. (Sorting instead
/// of hashing keeps the wasm build small; plans are short anyway.)
fn later_duplicates(request: &PlanRequest) -> Vec<bool> {
    let ids: Vec<&str> = request.tasks.iter().map(task_id).collect();
    let mut order: Vec<(&str, usize)> = ids.iter().copied().zip(0..).collect();
    order.sort_unstable();
    let mut duplicates = vec![false; ids.len()];
    for pair in order.windows(2) {
        if let [(previous, _), (id, index)] = pair {
            if previous == id {
                if let Some(flag) = duplicates.get_mut(*index) {
                    *flag = true;
                }
            }
        }
    }
    duplicates
}
