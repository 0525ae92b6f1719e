//! The JSON body extractor: every way a body can be wrong becomes an
//! [`ApiError`] with a JSON body (axum's own rejections answer in plain
//! text). Before a body is read, the request reserves its share of the
//! memory budget: the body and the largest answer it may get.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

use crate::budget::{MemoryBudget, Reservation};
use crate::error::ApiError;

/// Largest accepted request body; larger ones get 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Time a client has to send the whole body once its headers are in; a body
/// trickled in more slowly gets 408 and the connection is closed.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// An answer to a body of `n` bytes is at most `ANSWER_FACTOR * n + ANSWER_SLACK`
/// bytes (server/LIMITS.md; `tests/limits.rs` checks the worst cases).
pub const ANSWER_FACTOR: usize = 4;
pub const ANSWER_SLACK: usize = 64 * 1024;

/// A request body parsed as any JSON value (shapes are checked by the
/// handler), with the budget share its answer is to be sent with.
pub struct JsonBody {
    pub value: Value,
    pub reservation: Reservation,
}

impl<S: Send + Sync> FromRequest<S> for JsonBody
where
    MemoryBudget: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<JsonBody, ApiError> {
        if !is_json(request.headers()) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "the request body must be sent as Content-Type: application/json",
            ));
        }
        // A declared length over the limit is refused before reading: otherwise
        // the client could hold the request open until the read deadline.
        let declared = declared_length(&request);
        if declared.is_some_and(|length| length > BODY_LIMIT as u64) {
            return Err(too_large());
        }
        let expected = declared.map_or(BODY_LIMIT, |length| usize::try_from(length).unwrap_or(BODY_LIMIT));
        let reservation =
            MemoryBudget::from_ref(state).reserve(expected + ANSWER_FACTOR * expected + ANSWER_SLACK).await?;
        let read =
            tokio::time::timeout(BODY_READ_TIMEOUT, Bytes::from_request(request, state)).await.map_err(|_| {
                ApiError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "REQUEST_TIMEOUT",
                    format!("the request body did not arrive within {} s", BODY_READ_TIMEOUT.as_secs()),
                )
            })?;
        let bytes = read.map_err(|rejection| {
            let status = rejection.status();
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                ApiError::new(status, "INVALID_BODY", rejection.body_text())
            }
        })?;
        // Parsed on a blocking thread: a 1 MiB body takes milliseconds of CPU,
        // which would otherwise delay every other request on this worker.
        let parsed = tokio::task::spawn_blocking(move || serde_json::from_slice::<Value>(&bytes)).await;
        let value = parsed
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "the body parser failed"))?
            .map_err(|error| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "INVALID_JSON",
                    format!("the request body is not valid JSON: {error}"),
                )
            })?;
        Ok(JsonBody { value, reservation })
    }
}

/// `application/json`, any case, parameters (`; charset=utf-8`) allowed.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn declared_length(request: &Request) -> Option<u64> {
    request.headers().get(CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "REQUEST_TOO_LARGE",
        format!("the request body exceeds {BODY_LIMIT} bytes"),
    )
}
