//! What a browser needs to keep other origins out: only the loopback names
//! of this server's own port as `Host` (a page that rebinds its DNS name to
//! 127.0.0.1 sends its own name), and headers that forbid framing, inline
//! script and content sniffing on every answer.

use axum::extract::Request;
use axum::http::header::{CONTENT_SECURITY_POLICY, HOST, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The port the connection came in on, attached to each request by `serve_with_limits`.
#[derive(Debug, Clone, Copy)]
pub struct LocalPort(pub u16);

/// The page's policy: its own scripts and styles only (no inline script or
/// style), WebAssembly compiled from its own files, no framing anywhere.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// The `Host` values this server answers to on `port`.
pub fn allowed_hosts(port: u16) -> [String; 3] {
    [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")]
}

fn host_allowed(host: Option<&str>, port: Option<LocalPort>) -> bool {
    let (Some(host), Some(LocalPort(port))) = (host, port) else { return false };
    allowed_hosts(port).iter().any(|allowed| allowed.eq_ignore_ascii_case(host))
}

/// Middleware: any other `Host` (or none) is answered 403.
pub async fn check_host(request: Request, next: Next) -> Response {
    let host = request.headers().get(HOST).and_then(|value| value.to_str().ok());
    if host_allowed(host, request.extensions().get::<LocalPort>().copied()) {
        return next.run(request).await;
    }
    ApiError::new(
        StatusCode::FORBIDDEN,
        "HOST_NOT_ALLOWED",
        "this server answers only to 127.0.0.1, localhost and [::1] with its own port as Host",
    )
    .into_response()
}

/// Adds the browser security headers to a response.
pub fn stamp_security_headers(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_with_the_own_port() {
        let port = Some(LocalPort(8123));
        for host in ["127.0.0.1:8123", "localhost:8123", "LOCALHOST:8123", "[::1]:8123"] {
            assert!(host_allowed(Some(host), port), "{host}");
        }
        for host in ["127.0.0.1", "127.0.0.1:8124", "evil.example:8123", "localhost", "127.0.0.2:8123", ""] {
            assert!(!host_allowed(Some(host), port), "{host}");
        }
        assert!(!host_allowed(None, port));
        assert!(!host_allowed(Some("127.0.0.1:8123"), None));
    }
}
