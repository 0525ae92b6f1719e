//! The JSON body extractor: every way a body can be wrong becomes an
//! [`ApiError`] with a JSON body (axum's own rejections answer in plain text).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_LENGTH;
use axum::http::StatusCode;
use serde_json::Value;

use crate::error::ApiError;

/// Largest accepted request body; larger ones get 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Time a client has to send the whole body once its headers are in; a body
/// trickled in more slowly gets 408 and the connection is closed.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A request body parsed as any JSON value; shapes are checked by the handler.
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<JsonBody, ApiError> {
        // A declared length over the limit is refused before reading: otherwise
        // the client could hold the request open until the read deadline.
        if declared_length(&request).is_some_and(|length| length > BODY_LIMIT as u64) {
            return Err(too_large());
        }
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
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|error| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "INVALID_JSON",
                format!("the request body is not valid JSON: {error}"),
            )
        })
    }
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
