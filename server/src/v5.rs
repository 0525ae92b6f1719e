//! The DRS v5 subset: `GET /v5/{project_id}/jobs` (items in the v5 shape,
//! with `job_action` computed by the crate) and
//! `POST /v5/{project_id}/jobs/batch-stop` (the body `planStop({api: "v5"})`
//! builds), checked by the same crate as v3. Delete and batch status stay on
//! the v3 paths.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use drs_stop_rules::{evaluate_stop, job_action, EvaluateOptions, StopMode, StopTask};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api::{send, serialise, AppState};
use crate::auth::Caller;
use crate::batch::{self, BatchJob};
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::stop::Action;
use crate::store::Task;
use crate::v3::jobs_of;

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
    let options = grant.rules_options(&headers);
    let jobs = stop_jobs(&body.value)?
        .into_iter()
        .map(|job| BatchJob { id: job.id, action: Ok(Action::Stop(job.mode)) })
        .collect();
    batch::apply(&state, &grant.project_id, jobs, &options, body.reservation).await
}

#[derive(Deserialize)]
pub struct JobsQuery {
    job_type: Option<String>,
    db_use_type: Option<String>,
}

#[derive(Serialize)]
struct ListAnswer {
    count: usize,
    jobs: Vec<Map<String, Value>>,
}

/// A stored snapshot as a v5 list item (`JobListResp`): the kind as
/// `job_type`, a parent marked by `job_mode_role: "parent"`, children in the
/// same shape, and the backend's own verdict, `job_action`, which the crate
/// computes from its decision for this caller.
fn v5_item(snapshot: &Map<String, Value>, options: &EvaluateOptions) -> Map<String, Value> {
    let mut item = snapshot.clone();
    // This server is the backend: a `job_action` in a seed is not its verdict.
    item.remove("job_action");
    if let Some(kind) = item.remove("db_use_type") {
        item.insert("job_type".into(), kind);
    }
    if item.remove("is_parent") == Some(Value::Bool(true)) {
        item.insert("job_mode_role".into(), Value::from("parent"));
    }
    if let Some(Value::Array(children)) = item.get("children") {
        let children = children
            .iter()
            .map(|child| {
                child.as_object().map_or_else(|| child.clone(), |child| Value::Object(v5_item(child, options)))
            })
            .collect();
        item.insert("children".into(), Value::Array(children));
    }
    if let Ok(task) = StopTask::from_json(&Value::Object(snapshot.clone())) {
        let decision = evaluate_stop(&task, options);
        if let Ok(action) = serde_json::to_value(job_action(&decision)) {
            item.insert("job_action".into(), action);
        }
    }
    item
}

/// `GET /v5/{project_id}/jobs?job_type=...` (or `db_use_type=`).
pub async fn list_jobs(
    State(state): State<AppState>,
    Caller(grant): Caller,
    headers: HeaderMap,
    query: Result<Query<JobsQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) =
        query.map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, "INVALID_QUERY", rejection.body_text()))?;
    let kind = query.job_type.or(query.db_use_type).filter(|kind| !kind.is_empty());
    let tasks: Vec<Arc<Task>> = state.store().list(&grant.project_id, kind.as_deref());
    let options = grant.rules_options(&headers);
    // Items are built and serialised with no lock held, on a blocking thread (a decision per task).
    let bytes = tokio::task::spawn_blocking(move || {
        let jobs: Vec<Map<String, Value>> = tasks.iter().map(|task| v5_item(task.snapshot(), &options)).collect();
        serialise(&ListAnswer { count: jobs.len(), jobs })
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "the list could not be built"))??;
    let reservation = state.budget.reserve(bytes.len()).await?;
    Ok(send(StatusCode::OK, bytes, reservation))
}
