//! Reference backend for the DRS stop console demo.
//!
//! A small subset of the DRS v3 jobs API (list, batch status, batch
//! stop/delete) whose stop and delete checks call the `drs-stop-rules` crate
//! natively, so the browser console (which runs the same rules as
//! WebAssembly) and this backend can never disagree. Requests carry a token
//! bound to one project and one DRS system policy; task state is kept in
//! memory, or in a file (`DRS_STATE`) that survives restarts. It also serves
//! the demo page (`www/`) and the package's web build (`pkg/web/`).

mod api;
mod auth;
mod batch;
mod body;
mod budget;
mod config;
mod error;
mod messages;
mod security;
mod seed;
mod serve;
mod state_file;
mod stop;
mod store;
mod v3;
mod v5;
mod write_deadline;

pub use auth::{tokens_from_json_text, TokenGrant, FULL_ACCESS, TOKEN_HEADER};
pub use body::{ANSWER_FACTOR, ANSWER_SLACK, BODY_LIMIT, BODY_READ_TIMEOUT};
pub use budget::{BUDGET_WAIT, MEMORY_BUDGET};
pub use config::{Config, ConfigError, DEFAULT_PROJECT_ID};
pub use security::CONTENT_SECURITY_POLICY_VALUE;
pub use seed::{builtin_tasks, tasks_from_json_text};
pub use serve::{serve_with_limits, CONNECTION_BUFFER, HEADER_READ_TIMEOUT, MAX_CONNECTIONS, SHUTDOWN_GRACE};
pub use store::Task;
pub use v3::MAX_JOBS;
pub use write_deadline::WRITE_STALL_TIMEOUT;

use axum::Router;

/// The whole application: the API, the page and the package. Fails when
/// `DRS_STATE` names a file that cannot be read or written. Call it inside
/// a Tokio runtime, and serve it with [`serve_with_limits`] (which tells it
/// the port, for the `Host` check).
pub fn app(config: Config) -> Result<Router, ConfigError> {
    api::router(config)
}
