//! Tokens and projects, the way a local notebook server does it: every API
//! request carries `X-Auth-Token`; each token belongs to one project and
//! holds one DRS system policy (contract section 9), which the rules crate
//! applies to every stop and delete.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Path as PathParams, Request, State};
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use drs_stop_rules::{EvaluateOptions, Policy};
use serde::Deserialize;
use serde_json::Value;

use crate::api::request_lang;
use crate::config::{Config, ConfigError};
use crate::error::ApiError;

/// The request header that carries the token, as in the DRS API.
pub const TOKEN_HEADER: &str = "x-auth-token";

/// The policy of `DRS_AUTH_TOKEN`.
pub const FULL_ACCESS: &str = "FullAccess";

/// Longest accepted token, project id and policy name (they end up in
/// headers, paths and messages).
const MAX_NAME_LENGTH: usize = 256;

/// One token of `DRS_TOKENS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub token: String,
    pub project_id: String,
    /// The DRS system policy, as given (an unknown name allows nothing).
    pub policy: String,
}

/// What a request's token grants: attached to the request by [`require_token`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub project_id: String,
    pub policy: String,
}

impl Grant {
    /// The options the rules decide this caller's jobs with: the request's
    /// language (`X-Language`) and the token's policy.
    pub fn rules_options(&self, headers: &HeaderMap) -> EvaluateOptions {
        EvaluateOptions::new(request_lang(headers)).with_policy(Policy::from_name(&self.policy))
    }
}

/// Every token the server accepts.
#[derive(Debug, Default)]
pub struct Tokens(HashMap<String, Arc<Grant>>);

impl Tokens {
    /// `DRS_AUTH_TOKEN` (`FullAccess` on `DRS_PROJECT_ID`) and the tokens of `DRS_TOKENS`.
    pub fn from_config(config: &Config) -> Tokens {
        let mut tokens = HashMap::new();
        for grant in &config.tokens {
            let granted = Grant { project_id: grant.project_id.clone(), policy: grant.policy.clone() };
            tokens.insert(grant.token.clone(), Arc::new(granted));
        }
        // The main token wins over a repeated one in the file (`tokens_from_file` refuses repeats).
        let main = Grant { project_id: config.project_id.clone(), policy: FULL_ACCESS.to_string() };
        tokens.insert(config.auth_token.clone(), Arc::new(main));
        Tokens(tokens)
    }

    fn grant(&self, token: &str) -> Option<Arc<Grant>> {
        self.0.get(token).cloned()
    }
}

/// A fresh random token: 24 bytes from the operating system, as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 24];
    // Without a random source nothing secure can be made: refuse to start.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system has no random source");
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A token travels in a header: visible ASCII only.
pub fn check_token(token: &str) -> Result<(), String> {
    check_name(token, |c| c.is_ascii_graphic(), "visible ASCII characters")
}

/// A project id travels in paths: letters, digits, `-`, `_`, `.`.
pub fn check_project_id(project_id: &str) -> Result<(), String> {
    check_name(project_id, |c| c.is_ascii_alphanumeric() || "-_.".contains(c), "letters, digits, '-', '_' or '.'")
}

fn check_name(value: &str, allowed: impl Fn(char) -> bool, what: &str) -> Result<(), String> {
    if value.is_empty() || value.len() > MAX_NAME_LENGTH {
        return Err(format!("must be 1 to {MAX_NAME_LENGTH} characters long"));
    }
    if !value.chars().all(allowed) {
        return Err(format!("may only contain {what}"));
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenEntry {
    token: String,
    project_id: String,
    policy: String,
}

/// Reads `DRS_TOKENS`: `[{"token": "…", "project_id": "…", "policy": "…"}]`.
pub fn tokens_from_file(path: &Path) -> Result<Vec<TokenGrant>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| ConfigError(format!("DRS_TOKENS: cannot read {}: {error}", path.display())))?;
    tokens_from_json_text(&text).map_err(|error| ConfigError(format!("DRS_TOKENS {}: {error}", path.display())))
}

/// Parses and checks a token list; tokens must be unique.
pub fn tokens_from_json_text(text: &str) -> Result<Vec<TokenGrant>, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| format!("not valid JSON: {error}"))?;
    let items = value.as_array().ok_or("expected a JSON array of {\"token\", \"project_id\", \"policy\"}")?;
    let mut grants: Vec<TokenGrant> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let entry = TokenEntry::deserialize(item).map_err(|error| format!("[{i}]: {error}"))?;
        check_token(&entry.token).map_err(|error| format!("[{i}].token {error}"))?;
        check_project_id(&entry.project_id).map_err(|error| format!("[{i}].project_id {error}"))?;
        if entry.policy.len() > MAX_NAME_LENGTH {
            return Err(format!("[{i}].policy is longer than {MAX_NAME_LENGTH} characters"));
        }
        if grants.iter().any(|grant| grant.token == entry.token) {
            return Err(format!("[{i}].token is repeated"));
        }
        grants.push(TokenGrant { token: entry.token, project_id: entry.project_id, policy: entry.policy });
    }
    Ok(grants)
}

/// Whether a path belongs to the API (and so needs a token).
fn is_api_path(path: &str) -> bool {
    ["/v3", "/v5"]
        .iter()
        .any(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// Middleware: an API request without a known token is answered 401; one
/// with a token carries its [`Grant`] on to the handler.
pub async fn require_token(State(tokens): State<Arc<Tokens>>, mut request: Request, next: Next) -> Response {
    if !is_api_path(request.uri().path()) {
        return next.run(request).await;
    }
    let token = request.headers().get(TOKEN_HEADER).map(|value| value.to_str().unwrap_or(""));
    let grant = match token {
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "TOKEN_REQUIRED",
            "this API needs an X-Auth-Token header (the console URL the server prints carries it as #token=)",
        )),
        Some(token) => tokens.grant(token).ok_or_else(|| {
            ApiError::new(StatusCode::UNAUTHORIZED, "TOKEN_INVALID", "the X-Auth-Token is not one this server issued")
        }),
    };
    match grant {
        Ok(grant) => {
            request.extensions_mut().insert(grant);
            next.run(request).await
        }
        Err(error) => {
            let mut response = error.into_response();
            response.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("X-Auth-Token"));
            response
        }
    }
}

/// The caller of a project's API: its token's grant, checked against the
/// `{project_id}` of the path (another project: 403).
pub struct Caller(pub Arc<Grant>);

#[derive(Deserialize)]
struct ProjectPath {
    project_id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Caller, ApiError> {
        let grant = parts.extensions.get::<Arc<Grant>>().cloned().ok_or_else(|| {
            ApiError::new(StatusCode::UNAUTHORIZED, "TOKEN_REQUIRED", "this API needs an X-Auth-Token header")
        })?;
        let PathParams(path) = PathParams::<ProjectPath>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, "INVALID_PATH", rejection.body_text()))?;
        if path.project_id != grant.project_id {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "PROJECT_FORBIDDEN",
                "the X-Auth-Token belongs to another project",
            ));
        }
        Ok(Caller(grant))
    }
}

/// The token's own grant, without a project in the path (`GET /v3/auth/tokens`).
pub struct TokenOwner(pub Arc<Grant>);

impl<S: Send + Sync> FromRequestParts<S> for TokenOwner {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<TokenOwner, ApiError> {
        parts.extensions.get::<Arc<Grant>>().cloned().map(TokenOwner).ok_or_else(|| {
            ApiError::new(StatusCode::UNAUTHORIZED, "TOKEN_REQUIRED", "this API needs an X-Auth-Token header")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_need_a_token_and_nothing_else_does() {
        for path in ["/v3", "/v3/p/jobs", "/v5/p/jobs", "/v3/auth/tokens", "/v5/"] {
            assert!(is_api_path(path), "{path}");
        }
        for path in ["/", "/index.html", "/pkg/index.js", "/v3x", "/v35/p", "/app.js"] {
            assert!(!is_api_path(path), "{path}");
        }
    }

    #[test]
    fn token_lists_are_checked() {
        let ok = tokens_from_json_text(r#"[{"token":"abc","project_id":"p1","policy":"ReadOnlyAccess"}]"#);
        assert_eq!(ok.map(|grants| grants.len()), Ok(1));
        for (text, expected) in [
            ("{}", "array"),
            (r#"[{"token":"a b","project_id":"p","policy":"FullAccess"}]"#, "[0].token"),
            (r#"[{"token":"a","project_id":"p/q","policy":"FullAccess"}]"#, "[0].project_id"),
            (r#"[{"token":"a","project_id":"p"}]"#, "[0]: missing field `policy`"),
            (
                r#"[{"token":"a","project_id":"p","policy":"x"},{"token":"a","project_id":"q","policy":"y"}]"#,
                "[1].token",
            ),
        ] {
            let error = tokens_from_json_text(text).expect_err(text);
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn random_tokens_differ() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 48);
        assert_ne!(a, b);
        assert!(check_token(&a).is_ok());
    }
}
