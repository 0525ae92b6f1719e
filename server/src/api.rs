//! The HTTP surface: the app's state, the routes, and the layers every
//! request passes (Host check, token check, headers on every answer).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, FromRef};
use axum::handler::HandlerWithoutStateExt;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Router};
use drs_stop_rules::{rules_version, Lang};
use serde::Serialize;
use tower_http::services::ServeDir;

use crate::auth::{self, Tokens};
use crate::body::BODY_LIMIT;
use crate::budget::{MemoryBudget, Reservation, ReservedBody};
use crate::config::{Config, ConfigError};
use crate::error::ApiError;
use crate::security;
use crate::state_file::{Snapshot, StateFile};
use crate::stop;
use crate::store::Store;
use crate::{v3, v5};

/// Lets a console check that it decides with the same rules as this backend.
pub const VERSION_HEADER: &str = "x-stop-rules-version";

#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    pub stop_delay: Duration,
    pub budget: MemoryBudget,
    state_file: Option<Arc<StateFile>>,
}

impl FromRef<AppState> for MemoryBudget {
    fn from_ref(state: &AppState) -> MemoryBudget {
        state.budget.clone()
    }
}

impl AppState {
    /// One lock over the whole store serializes every request on a task; it
    /// is held for lookups and changes only, never while an answer is
    /// serialised or written, nor while the state file is written.
    /// A panic while holding it cannot leave a task half-updated (each update
    /// is one assignment), so a poisoned lock is still usable.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A snapshot to persist, taken under the lock right after a change
    /// (`None` without `DRS_STATE`).
    pub fn snapshot_if_durable(&self, store: &Store) -> Option<Snapshot> {
        self.state_file.as_ref().map(|_| Snapshot::of(store))
    }

    /// Writes a snapshot to `DRS_STATE` before the change is acknowledged.
    pub async fn persist(&self, snapshot: Option<Snapshot>) -> Result<(), ApiError> {
        let (Some(file), Some(snapshot)) = (self.state_file.clone(), snapshot) else { return Ok(()) };
        let written = tokio::task::spawn_blocking(move || file.save(&snapshot)).await;
        match written {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "STATE_NOT_SAVED",
                format!("the change could not be saved to DRS_STATE: {error}"),
            )),
            Err(_) => {
                Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "STATE_NOT_SAVED", "the state writer failed"))
            }
        }
    }

    /// Moves a stopped task on after the stop delay (and saves that too).
    pub fn complete_stop_later(&self, project: String, id: String) {
        let state = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(state.stop_delay).await;
            let snapshot = {
                let mut store = state.store();
                if !stop::complete(&mut store, &project, &id) {
                    return;
                }
                state.snapshot_if_durable(&store)
            };
            if let Err(error) = state.persist(snapshot).await {
                eprintln!("drs-console-server: {}", error.message);
            }
        });
    }
}

/// The app: its store from `DRS_STATE` when that file exists (else the seed,
/// saved there at once), stops left unfinished by a previous run completed.
/// Must be called inside a Tokio runtime.
pub fn router(config: Config) -> Result<Router, ConfigError> {
    let tokens = Arc::new(Tokens::from_config(&config));
    let state_file = config.state_path.clone().map(StateFile::new);
    let store = match &state_file {
        None => Store::new(config.tasks.clone(), &config.project_id),
        Some(file) => {
            let loaded = file.load().map_err(|error| ConfigError(format!("DRS_STATE: {error}")))?;
            let store = loaded.unwrap_or_else(|| Store::new(config.tasks.clone(), &config.project_id));
            file.save(&Snapshot::of(&store))
                .map_err(|error| ConfigError(format!("DRS_STATE: cannot write {}: {error}", file.path().display())))?;
            store
        }
    };
    let pending = store.pending_stops();
    let state = AppState {
        store: Arc::new(Mutex::new(store)),
        stop_delay: config.stop_delay,
        budget: MemoryBudget::default(),
        state_file,
    };
    for (project, id) in pending {
        state.complete_stop_later(project, id);
    }
    let api = Router::new()
        .route("/v3/auth/tokens", get(v3::token_info))
        .route("/v3/{project_id}/jobs", get(v3::list_jobs))
        .route("/v3/{project_id}/jobs/batch-status", post(v3::batch_status))
        .route("/v3/{project_id}/jobs/batch-jobs", delete(v3::batch_jobs))
        .route("/v5/{project_id}/jobs", get(v5::list_jobs))
        .route("/v5/{project_id}/jobs/batch-stop", post(v5::batch_stop))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    let www = ServeDir::new(&config.www_dir).not_found_service(not_found.into_service());
    Ok(Router::new()
        .merge(api)
        .nest_service("/pkg", ServeDir::new(&config.pkg_dir))
        .fallback_service(www)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(tokens, auth::require_token))
        .layer(middleware::from_fn(security::check_host))
        .layer(middleware::map_response(stamp_headers)))
}

/// Every response says which rules the backend runs and carries the
/// browser security headers; nothing is cached, so a rebuilt package or page
/// is picked up on reload.
async fn stamp_headers(mut response: Response) -> Response {
    security::stamp_security_headers(&mut response);
    let headers = response.headers_mut();
    if let Ok(version) = HeaderValue::from_str(&rules_version()) {
        headers.insert(HeaderName::from_static(VERSION_HEADER), version);
    }
    headers.entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    response
}

/// The language of per-task messages, from `X-Language` as in the DRS API.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    headers.get("x-language").and_then(|value| value.to_str().ok()).map(Lang::from_tag).unwrap_or_default()
}

/// An answer's JSON, serialised with no lock held.
pub fn serialise(value: &impl Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|error| {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", format!("cannot serialise the answer: {error}"))
    })
}

/// An answer's JSON, serialised on a blocking thread (a batch answer can be
/// a megabyte), with no lock held.
pub async fn serialise_apart<T: Serialize + Send + 'static>(value: T) -> Result<Vec<u8>, ApiError> {
    tokio::task::spawn_blocking(move || serialise(&value)).await.map_err(|_| {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "the answer could not be serialised")
    })?
}

/// A JSON answer, sent with (and holding until written) its budget share.
pub fn send(status: StatusCode, bytes: Vec<u8>, mut reservation: Reservation) -> Response {
    reservation.shrink_to(bytes.len());
    let mut response = (status, ReservedBody::body(bytes, reservation)).into_response();
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// A JSON answer to a request without a body: its share is reserved now.
pub async fn send_unreserved(
    state: &AppState,
    status: StatusCode,
    value: &impl Serialize,
) -> Result<Response, ApiError> {
    let bytes = serialise(value)?;
    let reservation = state.budget.reserve(bytes.len()).await?;
    Ok(send(status, bytes, reservation))
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "no such resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "this method is not allowed on this resource")
}
