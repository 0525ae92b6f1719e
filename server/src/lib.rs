//! Reference backend for the DRS stop console demo.
//!
//! A small, in-memory subset of the DRS v3 jobs API (list, batch status,
//! batch stop/delete) whose stop checks call the `drs-stop-rules` crate
//! natively, so the browser console (which runs the same rules as
//! WebAssembly) and this backend can never disagree. It also serves the demo
//! page (`www/`) and the package's web build (`pkg/web/`).

mod api;
mod body;
mod config;
mod error;
mod messages;
mod seed;
mod serve;
mod stop;
mod store;

pub use body::{BODY_LIMIT, BODY_READ_TIMEOUT};
pub use config::{Config, ConfigError};
pub use seed::{builtin_tasks, tasks_from_json_text};
pub use serve::{serve_with_limits, HEADER_READ_TIMEOUT, MAX_CONNECTIONS};
pub use store::Task;

use axum::Router;

/// The whole application: the API, the page and the package.
pub fn app(config: Config) -> Router {
    api::router(config)
}
