//! The DRS v5 subset: `POST /v5/{project_id}/jobs/batch-stop` (the body
//! `planStop({api: "v5"})` builds), checked by the same crate as v3.
//! Delete and batch status stay on the v3 paths.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use drs_stop_rules::{EvaluateOptions, Policy, StopMode};
use serde_json::Value;

use crate::api::{request_lang, send, serialise_apart, AppState};
use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::stop::{self, Action, JobResult};
use crate::v3::{jobs_of, Results};

/// One parsed job of a v5 batch-stop request.
struct StopJob<'a> {
    id: &'a str,
    mode: StopMode,
}

fn stop_jobs(body: &Value) -> Result<Vec<StopJob<'_>>, ApiError> {
    jobs_of(body)?
        .iter()
        .enumerate()
        .map(|(i, job)| {
            let id = job.get("job_id").and_then(Value::as_str);
            let force = job.get("is_force_stop").and_then(Value::as_bool);
            match (job.is_object(), id, force) {
                (false, _, _) => {
                    Err(ApiError::shape(format!("jobs[{i}] must be an object with job_id and is_force_stop")))
                }
                (true, None, _) => Err(ApiError::shape(format!("jobs[{i}].job_id must be a string"))),
                (true, _, None) => Err(ApiError::shape(format!("jobs[{i}].is_force_stop must be true or false"))),
                (true, Some(id), Some(force)) => {
                    Ok(StopJob { id, mode: if force { StopMode::Force } else { StopMode::Normal } })
                }
            }
        })
        .collect()
}

/// `POST /v5/{project_id}/jobs/batch-stop` with `{"jobs": [{"job_id", "is_force_stop"}]}`:
/// 202 with one result per job, as v3's batch-jobs.
pub async fn batch_stop(
    State(state): State<AppState>,
    Caller(grant): Caller,
    headers: HeaderMap,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let options = EvaluateOptions::new(request_lang(&headers)).with_policy(Policy::from_name(&grant.policy));
    let jobs = stop_jobs(&body.value)?;
    let project = grant.project_id.as_str();
    let mut stopping = Vec::new();
    let (results, snapshot) = {
        let mut store = state.store();
        let results: Vec<JobResult> = jobs
            .iter()
            .map(|job| {
                let result = stop::apply(&mut store, project, job.id, Action::Stop(job.mode), &options);
                if result.succeeded() {
                    stopping.push(job.id.to_string());
                }
                result
            })
            .collect();
        let changed = !stopping.is_empty();
        (results, if changed { state.snapshot_if_durable(&store) } else { None })
    };
    state.persist(snapshot).await?;
    for id in stopping {
        state.complete_stop_later(project.to_string(), id);
    }
    let bytes = serialise_apart(Results { count: results.len(), results }).await?;
    Ok(send(StatusCode::ACCEPTED, bytes, body.reservation))
}
