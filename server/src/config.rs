//! What the server is started with. Built from the environment by `main`,
//! or directly by tests (so they need no environment variables).

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::auth::{self, TokenGrant};
use crate::seed;
use crate::store::Task;

/// Everything the router needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The demo page, served at `/`.
    pub www_dir: PathBuf,
    /// The package's web build, served at `/pkg/`.
    pub pkg_dir: PathBuf,
    /// How long an accepted stop stays in `RELEASE_RESOURCE_STARTED`.
    pub stop_delay: Duration,
    /// The tasks the store starts with (each in its project: its own
    /// `project_id` field, else [`Config::project_id`]).
    pub tasks: Vec<Task>,
    /// The project of the seeded tasks and of [`Config::auth_token`] (`DRS_PROJECT_ID`).
    pub project_id: String,
    /// The `FullAccess` token of [`Config::project_id`] (`DRS_AUTH_TOKEN`, else random).
    pub auth_token: String,
    /// More tokens, each bound to a project and a policy (`DRS_TOKENS`).
    pub tokens: Vec<TokenGrant>,
    /// Where task state is kept across restarts (`DRS_STATE`); `None`: in memory only.
    pub state_path: Option<PathBuf>,
}

/// A configuration that cannot be used; `main` prints it and exits non-zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// The default stop delay (`DRS_STOP_DELAY_MS`).
pub const DEFAULT_STOP_DELAY: Duration = Duration::from_millis(3000);

/// The default project (`DRS_PROJECT_ID`), the one the page asks for by default.
pub const DEFAULT_PROJECT_ID: &str = "0549b0bd2b00d3f52f9cc0138c6b0f1e";

/// The repository root, known at build time, so the defaults work from any
/// working directory.
fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

impl Config {
    /// The built-in sample tasks, the default paths, delay and project, a
    /// fresh random token, no other tokens, state in memory.
    pub fn with_defaults() -> Config {
        Config {
            www_dir: repo_root().join("www"),
            pkg_dir: repo_root().join("pkg").join("web"),
            stop_delay: DEFAULT_STOP_DELAY,
            tasks: seed::builtin_tasks(),
            project_id: DEFAULT_PROJECT_ID.to_string(),
            auth_token: auth::random_token(),
            tokens: Vec::new(),
            state_path: None,
        }
    }

    /// Reads `DRS_WWW_DIR`, `DRS_PKG_DIR`, `DRS_STOP_DELAY_MS`, `DRS_SEED`,
    /// `DRS_PROJECT_ID`, `DRS_AUTH_TOKEN`, `DRS_TOKENS` and `DRS_STATE`
    /// through `var` (the process environment in `main`).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let var = |name: &str| var(name).filter(|value| !value.is_empty());
        let mut config = Config::with_defaults();
        if let Some(dir) = var("DRS_WWW_DIR") {
            config.www_dir = PathBuf::from(dir);
        }
        if let Some(dir) = var("DRS_PKG_DIR") {
            config.pkg_dir = PathBuf::from(dir);
        }
        if let Some(ms) = var("DRS_STOP_DELAY_MS") {
            let ms: u64 = ms.trim().parse().map_err(|_| {
                ConfigError(format!("DRS_STOP_DELAY_MS must be a whole number of milliseconds, got {ms:?}"))
            })?;
            config.stop_delay = Duration::from_millis(ms);
        }
        if let Some(path) = var("DRS_SEED") {
            config.tasks = seed::tasks_from_file(&PathBuf::from(path))?;
        }
        if let Some(project) = var("DRS_PROJECT_ID") {
            auth::check_project_id(&project).map_err(|error| ConfigError(format!("DRS_PROJECT_ID: {error}")))?;
            config.project_id = project;
        }
        if let Some(token) = var("DRS_AUTH_TOKEN") {
            auth::check_token(&token).map_err(|error| ConfigError(format!("DRS_AUTH_TOKEN: {error}")))?;
            config.auth_token = token;
        }
        if let Some(path) = var("DRS_TOKENS") {
            config.tokens = auth::tokens_from_file(&PathBuf::from(path))?;
        }
        if let Some(path) = var("DRS_STATE") {
            config.state_path = Some(PathBuf::from(path));
        }
        Ok(config)
    }
}
