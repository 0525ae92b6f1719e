//! The batch stop plan (contract section 6): which tasks of a selection stop,
//! in which mode, the API request that does it, and why the others do not.

use serde::Serialize;

use std::borrow::Cow;

use crate::action::Action;
use crate::codes::BlockCode;
use crate::decision::{evaluate, Notice};
use crate::guidance::StopMode;
use crate::input::{ApiVersion, ForceChoice, PlanRequest, PlanTask};
use crate::lang::Lang;
use crate::messages::{block_message, Refusal};
use crate::options::EvaluateOptions;
use crate::policy::Policy;

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
    pub message: Cow<'static, str>,
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
    let options = EvaluateOptions::new(request.lang).with_policy(request.policy.clone());
    let (mut accepted, mut jobs) = (Vec::new(), Vec::new());
    let rejected = sort_out(&request.tasks, Action::Stop, &options, |planned| {
        let decision = evaluate(&planned.task, &options);
        let mode = match request.force {
            // A blocked task has no preselected mode; both of its modes carry the same refusal.
            ForceChoice::Auto => decision.preselected_mode.unwrap_or(StopMode::Normal),
            ForceChoice::Always => StopMode::Force,
            ForceChoice::Never => StopMode::Normal,
        };
        match &decision.modes.get(mode).blocked {
            None => {
                let job_id = planned.id.clone();
                jobs.push(match request.api {
                    ApiVersion::V3 => RequestJob::V3 { delete_type: mode.delete_type(), job_id },
                    ApiVersion::V5 => RequestJob::V5 { job_id, is_force_stop: mode.is_force_stop() },
                });
                accepted.push(AcceptedTask { id: planned.id.clone(), mode });
                None
            }
            Some(blocked) => Some(blocked.clone()),
        }
    });
    let endpoint = match request.api {
        ApiVersion::V3 => BATCH_JOBS_V3,
        ApiVersion::V5 => Endpoint { method: "POST", path: "/v5/{project_id}/jobs/batch-stop" },
    };
    StopPlan { request: StopRequest { jobs }, endpoint, accepted, rejected }
}

/// The v3 batch API, which stops and deletes.
pub(crate) const BATCH_JOBS_V3: Endpoint = Endpoint { method: "DELETE", path: "/v3/{project_id}/jobs/batch-jobs" };

/// The sorting every batch plan shares: a repeated id is rejected with
/// `DUPLICATE_TASK`; every other task goes to `decide`, which accepts it
/// (`None`) or says why not. Returns the rejections, in input order.
pub(crate) fn sort_out(
    tasks: &[PlanTask],
    action: Action,
    options: &EvaluateOptions,
    mut decide: impl FnMut(&PlanTask) -> Option<Notice<BlockCode>>,
) -> Vec<RejectedTask> {
    let duplicates = later_duplicates(tasks);
    let mut rejected = Vec::new();
    for (planned, duplicate) in tasks.iter().zip(duplicates) {
        let refusal =
            if duplicate { Some(duplicate_notice(action, options.lang, &options.policy)) } else { decide(planned) };
        if let Some(Notice { code, message }) = refusal {
            rejected.push(RejectedTask { id: planned.id.clone(), code, message });
        }
    }
    rejected
}

fn duplicate_notice(action: Action, lang: Lang, policy: &Policy) -> Notice<BlockCode> {
    let code = BlockCode::DuplicateTask;
    Notice { code, message: block_message(code, Refusal { action, kind: None, policy, lang }) }
}

/// For each task, whether an earlier task has the same id. (Sorting instead
/// of hashing keeps the wasm build small; plans are short anyway.)
fn later_duplicates(tasks: &[PlanTask]) -> Vec<bool> {
    let mut order: Vec<(&str, usize)> = tasks.iter().map(|planned| planned.id.as_str()).zip(0..).collect();
    order.sort_unstable();
    let mut duplicates = vec![false; tasks.len()];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::StopTask;

    /// The id a plan sends is the plan task's own: the snapshot's optional `id`
    /// plays no part, so two tasks without one are neither "" nor duplicates.
    #[test]
    fn plan_ids_come_from_the_plan_tasks() {
        let running = || StopTask::new("sync", "INCRE_TRANSFER_STARTED");
        let request = PlanRequest {
            tasks: vec![PlanTask::new("a", running()), PlanTask::new("b", running()), PlanTask::new("a", running())],
            ..PlanRequest::default()
        };
        let plan = plan_stop(&request);
        let accepted: Vec<&str> = plan.accepted.iter().map(|task| task.id.as_str()).collect();
        assert_eq!(accepted, ["a", "b"]);
        let rejected: Vec<(&str, BlockCode)> = plan.rejected.iter().map(|task| (task.id.as_str(), task.code)).collect();
        assert_eq!(rejected, [("a", BlockCode::DuplicateTask)]);
        assert_eq!(plan.request.jobs.len(), 2);
    }
}
