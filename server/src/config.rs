//! What the server is started with. Built from the environment by `main`,
//! or directly by tests (so they need no environment variables).

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

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
    /// The tasks the store starts with.
    pub tasks: Vec<Task>,
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

/// The repository root, known at build time, so the defaults work from any
/// working directory.
fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

impl Config {
    /// The built-in sample tasks, the default paths and delay.
    pub fn with_defaults() -> Config {
        Config {
            www_dir: repo_root().join("www"),
            pkg_dir: repo_root().join("pkg").join("web"),
            stop_delay: DEFAULT_STOP_DELAY,
            tasks: seed::builtin_tasks(),
        }
    }

    /// Reads `DRS_WWW_DIR`, `DRS_PKG_DIR`, `DRS_STOP_DELAY_MS` and `DRS_SEED`
    /// through `var` (the process environment in `main`).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut config = Config::with_defaults();
        if let Some(dir) = var("DRS_WWW_DIR").filter(|v| !v.is_empty()) {
            config.www_dir = PathBuf::from(dir);
        }
        if let Some(dir) = var("DRS_PKG_DIR").filter(|v| !v.is_empty()) {
            config.pkg_dir = PathBuf::from(dir);
        }
        if let Some(ms) = var("DRS_STOP_DELAY_MS").filter(|v| !v.is_empty()) {
            let ms: u64 = ms.trim().parse().map_err(|_| {
                ConfigError(format!("DRS_STOP_DELAY_MS must be a whole number of milliseconds, got {ms:?}"))
            })?;
            config.stop_delay = Duration::from_millis(ms);
        }
        if let Some(path) = var("DRS_SEED").filter(|v| !v.is_empty()) {
            config.tasks = seed::tasks_from_file(&PathBuf::from(path))?;
        }
        Ok(config)
    }
}
