//! The batch delete plan (contract section 8): which tasks of a selection
//! are deleted, the API request that does it, and why the others are not.

use serde::Serialize;

use crate::action::Action;
use crate::decision::evaluate;
use crate::input::DeletePlanRequest;
use crate::options::EvaluateOptions;
use crate::plan::{sort_out, Endpoint, RejectedTask, BATCH_JOBS_V3};

/// One job of the delete request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteJob {
    /// Always `delete`.
    pub delete_type: &'static str,
    pub job_id: String,
}

/// The request body to send: `{"jobs": [{"delete_type": "delete", "job_id": …}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteRequest {
    pub jobs: Vec<DeleteJob>,
}

/// A task the plan deletes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedDelete {
    pub id: String,
}

/// The plan for a batch delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeletePlan {
    pub request: DeleteRequest,
    /// `DELETE /v3/{project_id}/jobs/batch-jobs`.
    pub endpoint: Endpoint,
    pub accepted: Vec<AcceptedDelete>,
    pub rejected: Vec<RejectedTask>,
}

/// Plans a batch delete. Accepted jobs keep the input order.
pub fn plan_delete(request: &DeletePlanRequest) -> DeletePlan {
    let options = EvaluateOptions::new(request.lang).with_policy(request.policy.clone());
    let (mut accepted, mut jobs) = (Vec::new(), Vec::new());
    let rejected = sort_out(&request.tasks, Action::Delete, &options, |planned| {
        let blocked = evaluate(&planned.task, &options).delete.blocked;
        if blocked.is_none() {
            jobs.push(DeleteJob { delete_type: "delete", job_id: planned.id.clone() });
            accepted.push(AcceptedDelete { id: planned.id.clone() });
        }
        blocked
    });
    DeletePlan { request: DeleteRequest { jobs }, endpoint: BATCH_JOBS_V3, accepted, rejected }
}
