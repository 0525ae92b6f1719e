//! The part of a batch change that v3's batch-jobs and v5's batch-stop share:
//! every job applied under one hold of the store, the change saved (with
//! `DRS_STATE`) before it is acknowledged, accepted stops left to complete
//! later, and the 202 answer built with the store released.

use axum::http::StatusCode;
use axum::response::Response;
use drs_stop_rules::EvaluateOptions;

use crate::api::{send, serialise_apart, AppState};
use crate::budget::Reservation;
use crate::error::ApiError;
use crate::stop::{self, Action, JobResult};
use crate::v3::Results;

/// One job of a batch: the task's id and what it asks for, or the answer
/// already given to a job the endpoint could not read (it changes nothing).
pub struct BatchJob<'a> {
    pub id: &'a str,
    pub action: Result<Action, JobResult>,
}

/// Applies `jobs` to `project` in order and answers 202 with one result each.
pub async fn apply(
    state: &AppState,
    project: &str,
    jobs: Vec<BatchJob<'_>>,
    options: &EvaluateOptions,
    reservation: Reservation,
) -> Result<Response, ApiError> {
    let mut stopping = Vec::new();
    let (results, snapshot) = {
        let mut store = state.store();
        let results: Vec<JobResult> = jobs
            .into_iter()
            .map(|job| match job.action {
                Err(refused) => refused,
                Ok(action) => {
                    let result = stop::apply(&mut store, project, job.id, action, options);
                    if result.succeeded() && matches!(action, Action::Stop(_)) {
                        stopping.push(job.id.to_string());
                    }
                    result
                }
            })
            .collect();
        let changed = results.iter().any(JobResult::succeeded);
        (results, if changed { state.snapshot_if_durable(&store) } else { None })
    };
    // Acknowledged only once saved: a 202 is never lost to a crash.
    state.persist(snapshot).await?;
    for id in stopping {
        state.complete_stop_later(project.to_string(), id);
    }
    let bytes = serialise_apart(Results { count: results.len(), results }).await?;
    Ok(send(StatusCode::ACCEPTED, bytes, reservation))
}
