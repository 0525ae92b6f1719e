//! The DRS v3 subset: who am I, list, batch status, batch stop/delete.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::api::{request_lang, send, send_unreserved, serialise_apart, AppState};
use crate::auth::{Caller, TokenOwner};
use crate::batch::{self, BatchJob};
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::messages;
use crate::stop::{Action, JobResult};
use crate::store::Task;

/// Most jobs (or ids) in one batch request; more: 400 `TOO_MANY_JOBS`.
pub const MAX_JOBS: usize = 1000;

/// `GET /v3/auth/tokens`: the caller's project and policy, so a page can
/// learn them from its token (the shape follows IAM's token answer).
pub async fn token_info(State(state): State<AppState>, TokenOwner(grant): TokenOwner) -> Result<Response, ApiError> {
    let info = json!({ "token": { "project": { "id": grant.project_id }, "policy": grant.policy } });
    send_unreserved(&state, StatusCode::OK, &info).await
}

#[derive(Deserialize)]
pub struct JobsQuery {
    db_use_type: Option<String>,
}

#[derive(Serialize)]
struct ListAnswer<'a> {
    count: usize,
    jobs: Vec<&'a Map<String, Value>>,
}

/// `GET /v3/{project_id}/jobs?db_use_type=...`
pub async fn list_jobs(
    State(state): State<AppState>,
    Caller(grant): Caller,
    query: Result<Query<JobsQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) =
        query.map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, "INVALID_QUERY", rejection.body_text()))?;
    let tasks: Vec<Arc<Task>> =
        state.store().list(&grant.project_id, query.db_use_type.as_deref().filter(|kind| !kind.is_empty()));
    let answer = ListAnswer { count: tasks.len(), jobs: tasks.iter().map(|task| task.snapshot()).collect() };
    send_unreserved(&state, StatusCode::OK, &answer).await
}

/// The non-empty `jobs` array of a request body, at most [`MAX_JOBS`] long.
pub fn jobs_of(body: &Value) -> Result<&Vec<Value>, ApiError> {
    let object = body
        .as_object()
        .ok_or_else(|| ApiError::shape("the request body must be a JSON object with a \"jobs\" array"))?;
    let jobs =
        object.get("jobs").and_then(Value::as_array).ok_or_else(|| ApiError::shape("\"jobs\" must be an array"))?;
    if jobs.is_empty() {
        return Err(ApiError::shape("\"jobs\" must list at least one job"));
    }
    if jobs.len() > MAX_JOBS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "TOO_MANY_JOBS",
            format!("at most {MAX_JOBS} jobs per request, got {}", jobs.len()),
        ));
    }
    Ok(jobs)
}

/// One entry of a batch-status answer.
#[derive(Serialize)]
#[serde(untagged)]
enum StatusEntry {
    Known { id: String, status: String },
    Unknown { id: String, error_code: &'static str, error_message: &'static str },
}

/// A batch answer: `{"count", "results"}`.
#[derive(Serialize)]
pub struct Results<T> {
    pub count: usize,
    pub results: Vec<T>,
}

/// `POST /v3/{project_id}/jobs/batch-status` with `{"jobs": [id, ...]}`.
pub async fn batch_status(
    State(state): State<AppState>,
    Caller(grant): Caller,
    headers: HeaderMap,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let lang = request_lang(&headers);
    let ids = jobs_of(&body.value)?
        .iter()
        .enumerate()
        .map(|(i, id)| id.as_str().ok_or_else(|| ApiError::shape(format!("jobs[{i}] must be a string job id"))))
        .collect::<Result<Vec<&str>, ApiError>>()?;
    let project = grant.project_id.as_str();
    let results: Vec<StatusEntry> = {
        let store = state.store();
        ids.into_iter()
            .map(|id| match store.get(project, id) {
                Some(task) => StatusEntry::Known { id: id.to_string(), status: task.status().to_string() },
                None if store.is_deleted(project, id) => {
                    StatusEntry::Known { id: id.to_string(), status: "DELETED".to_string() }
                }
                None => StatusEntry::Unknown {
                    id: id.to_string(),
                    error_code: messages::TASK_NOT_FOUND,
                    error_message: messages::task_not_found(lang),
                },
            })
            .collect()
    };
    let bytes = serialise_apart(Results { count: results.len(), results }).await?;
    Ok(send(StatusCode::OK, bytes, body.reservation))
}

/// One parsed job of a batch-jobs request.
struct JobRequest<'a> {
    id: &'a str,
    delete_type: &'a str,
}

fn job_requests(body: &Value) -> Result<Vec<JobRequest<'_>>, ApiError> {
    jobs_of(body)?
        .iter()
        .enumerate()
        .map(|(i, job)| {
            let field = |name: &str| job.get(name).and_then(Value::as_str);
            match (job.is_object(), field("job_id"), field("delete_type")) {
                (false, _, _) => {
                    Err(ApiError::shape(format!("jobs[{i}] must be an object with job_id and delete_type")))
                }
                (true, None, _) => Err(ApiError::shape(format!("jobs[{i}].job_id must be a string"))),
                (true, _, None) => Err(ApiError::shape(format!("jobs[{i}].delete_type must be a string"))),
                (true, Some(id), Some(delete_type)) => Ok(JobRequest { id, delete_type }),
            }
        })
        .collect()
}

/// `DELETE /v3/{project_id}/jobs/batch-jobs`: stop (`terminate`,
/// `force_terminate`) or delete tasks. 202 with one result per job, once
/// every accepted change is saved (with `DRS_STATE`).
pub async fn batch_jobs(
    State(state): State<AppState>,
    Caller(grant): Caller,
    headers: HeaderMap,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let options = grant.rules_options(&headers);
    let lang = options.lang;
    let jobs = job_requests(&body.value)?
        .into_iter()
        .map(|job| BatchJob {
            id: job.id,
            action: Action::from_delete_type(job.delete_type).ok_or_else(|| {
                JobResult::failed(job.id, messages::INVALID_DELETE_TYPE, messages::invalid_delete_type(lang))
            }),
        })
        .collect();
    batch::apply(&state, &grant.project_id, jobs, &options, body.reservation).await
}
