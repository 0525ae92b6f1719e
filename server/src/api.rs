//! The HTTP surface: the DRS v3 subset, the page and the package, and the
//! headers every response carries.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::header::{HeaderName, CACHE_CONTROL};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Json, Router};
use drs_stop_rules::{rules_version, Lang};
use serde::Deserialize;
use serde_json::{json, Value};
use tower_http::services::ServeDir;

use crate::body::{JsonBody, BODY_LIMIT};
use crate::config::Config;
use crate::error::ApiError;
use crate::messages;
use crate::stop::{self, Action, JobResult};
use crate::store::Store;

/// Lets a console check that it decides with the same rules as this backend.
pub const VERSION_HEADER: &str = "x-stop-rules-version";

#[derive(Clone)]
struct AppState {
    store: Arc<Mutex<Store>>,
    stop_delay: Duration,
}

impl AppState {
    /// One lock over the whole store serializes every request on a task.
    /// A panic while holding it cannot leave a task half-updated (each update
    /// is one assignment), so a poisoned lock is still usable.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub fn router(config: Config) -> Router {
    let state = AppState { store: Arc::new(Mutex::new(Store::new(config.tasks))), stop_delay: config.stop_delay };
    let api = Router::new()
        .route("/v3/{project_id}/jobs", get(list_jobs))
        .route("/v3/{project_id}/jobs/batch-status", post(batch_status))
        .route("/v3/{project_id}/jobs/batch-jobs", delete(batch_jobs))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    let www = ServeDir::new(&config.www_dir).not_found_service(not_found.into_service());
    Router::new()
        .merge(api)
        .nest_service("/pkg", ServeDir::new(&config.pkg_dir))
        .fallback_service(www)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::map_response(stamp_headers))
}

/// Every response says which rules the backend runs; nothing is cached, so a
/// rebuilt package or page is picked up on reload.
async fn stamp_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if let Ok(version) = HeaderValue::from_str(&rules_version()) {
        headers.insert(HeaderName::from_static(VERSION_HEADER), version);
    }
    headers.entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    response
}

/// The language of per-task messages, from `X-Language` as in the DRS API.
fn request_lang(headers: &HeaderMap) -> Lang {
    headers.get("x-language").and_then(|value| value.to_str().ok()).map(Lang::from_tag).unwrap_or_default()
}

#[derive(Deserialize)]
struct JobsQuery {
    db_use_type: Option<String>,
}

/// `GET /v3/{project_id}/jobs?db_use_type=...`
async fn list_jobs(
    State(state): State<AppState>,
    query: Result<Query<JobsQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) =
        query.map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, "INVALID_QUERY", rejection.body_text()))?;
    let jobs = state.store().list(query.db_use_type.as_deref().filter(|kind| !kind.is_empty()));
    Ok(Json(json!({ "count": jobs.len(), "jobs": jobs })).into_response())
}

/// The non-empty `jobs` array of a request body.
fn jobs_of(body: &Value) -> Result<&Vec<Value>, ApiError> {
    let object = body
        .as_object()
        .ok_or_else(|| ApiError::shape("the request body must be a JSON object with a \"jobs\" array"))?;
    let jobs =
        object.get("jobs").and_then(Value::as_array).ok_or_else(|| ApiError::shape("\"jobs\" must be an array"))?;
    if jobs.is_empty() {
        return Err(ApiError::shape("\"jobs\" must list at least one job"));
    }
    Ok(jobs)
}

/// `POST /v3/{project_id}/jobs/batch-status` with `{"jobs": [id, ...]}`.
async fn batch_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let lang = request_lang(&headers);
    let ids = jobs_of(&body)?
        .iter()
        .enumerate()
        .map(|(i, id)| id.as_str().ok_or_else(|| ApiError::shape(format!("jobs[{i}] must be a string job id"))))
        .collect::<Result<Vec<&str>, ApiError>>()?;
    let store = state.store();
    let results: Vec<Value> = ids
        .into_iter()
        .map(|id| match store.get(id) {
            Some(task) => json!({ "id": id, "status": task.status() }),
            None if store.is_deleted(id) => json!({ "id": id, "status": "DELETED" }),
            None => json!({
                "id": id,
                "error_code": messages::TASK_NOT_FOUND,
                "error_message": messages::task_not_found(lang),
            }),
        })
        .collect();
    Ok(Json(json!({ "count": results.len(), "results": results })).into_response())
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
/// `force_terminate`) or delete tasks. 202 with one result per job.
async fn batch_jobs(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let lang = request_lang(&headers);
    let jobs = job_requests(&body)?;
    let mut stopping = Vec::new();
    let results: Vec<JobResult> = {
        let mut store = state.store();
        jobs.iter()
            .map(|job| match Action::from_delete_type(job.delete_type) {
                None => JobResult::failed(job.id, messages::INVALID_DELETE_TYPE, messages::invalid_delete_type(lang)),
                Some(action) => {
                    let result = stop::apply(&mut store, job.id, action, lang);
                    if result.succeeded() && matches!(action, Action::Stop(_)) {
                        stopping.push(job.id.to_string());
                    }
                    result
                }
            })
            .collect()
    };
    for id in stopping {
        let state = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(state.stop_delay).await;
            stop::complete(&mut state.store(), &id);
        });
    }
    Ok((StatusCode::ACCEPTED, Json(json!({ "count": results.len(), "results": results }))).into_response())
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "no such resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "this method is not allowed on this resource")
}
