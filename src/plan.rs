//! The batch stop plan (contract section 6): which tasks of a selection stop,
//! in which mode, the API request that does it, and why the others do not.

use std::collections::HashSet;

use serde::Serialize;

use crate::codes::BlockCode;
use crate::decision::{evaluate, Notice};
use crate::guidance::StopMode;
use crate::input::{ApiVersion, ForceChoice, PlanRequest};
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
    let mut seen: HashSet<&str> = HashSet::with_capacity(request.tasks.len());
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    let mut reject = |id: &str, notice: Notice<BlockCode>| {
        rejected.push(RejectedTask { id: id.to_string(), code: notice.code, message: notice.message });
    };
    for task in &request.tasks {
        // `read_plan_request` guarantees ids; a typed caller may still omit one.
        let id = task.id.as_deref().unwrap_or_default();
        if !seen.insert(id) {
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
