//! `drs-console-server`: serves the DRS stop console demo on 127.0.0.1.
//!
//! Environment: `PORT` (default 8080; 0 picks a free port), `DRS_STOP_DELAY_MS`
//! (default 3000), `DRS_SEED` (a JSON array of task snapshots replacing the
//! built-in samples), `DRS_PROJECT_ID`, `DRS_AUTH_TOKEN` (else a random
//! token), `DRS_TOKENS` (more tokens with policies), `DRS_STATE` (a file
//! keeping task state across restarts), `DRS_WWW_DIR`, `DRS_PKG_DIR`
//! (default: `www/` and `pkg/web/` of the repository).
//!
//! SIGTERM and SIGINT alike stop it gracefully: no new connections, requests
//! in flight answered (at most 5 s), exit status 0.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use drs_console_server::{app, serve_with_limits, Config};
use tokio::signal::unix::{signal, SignalKind};

const DEFAULT_PORT: u16 = 8080;

#[tokio::main]
async fn main() -> ExitCode {
    let var = |name: &str| std::env::var(name).ok();
    let config = match Config::from_vars(var) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("drs-console-server: {error}");
            return ExitCode::from(2);
        }
    };
    let port = match var("PORT").filter(|p| !p.is_empty()) {
        None => DEFAULT_PORT,
        Some(text) => match text.trim().parse::<u16>() {
            Ok(port) => port,
            Err(_) => {
                eprintln!("drs-console-server: PORT must be a port number, got {text:?}");
                return ExitCode::from(2);
            }
        },
    };
    warn_if_missing(&config);
    let task_count = config.tasks.len();
    let token = config.auth_token.clone();
    let durable = config
        .state_path
        .as_ref()
        .map_or_else(|| "state in memory".to_string(), |path| format!("state in {}", path.display()));

    // Signals first: a SIGTERM that arrives while starting up still stops the server gracefully.
    let (Ok(mut terminate), Ok(mut interrupt)) = (signal(SignalKind::terminate()), signal(SignalKind::interrupt()))
    else {
        eprintln!("drs-console-server: cannot watch for SIGTERM and SIGINT");
        return ExitCode::from(1);
    };
    let app = match app(config) {
        Ok(app) => app,
        Err(error) => {
            eprintln!("drs-console-server: {error}");
            return ExitCode::from(2);
        }
    };
    // Loopback only, and every API request needs the token.
    let listener = match tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("drs-console-server: cannot listen on 127.0.0.1:{port}: {error}");
            return ExitCode::from(1);
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(error) => {
            eprintln!("drs-console-server: {error}");
            return ExitCode::from(1);
        }
    };
    // The scripts wait for this exact line to learn the port and the token.
    println!(
        "DRS stop console: http://{address}/#token={token} ({task_count} tasks, rules {}, {durable})",
        drs_stop_rules::rules_version()
    );
    let _ = std::io::stdout().flush();

    let shutdown = async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    };
    // Not axum::serve: it sets no deadline for request heads (see serve.rs).
    serve_with_limits(listener, app, shutdown).await;
    ExitCode::SUCCESS
}

/// The API works without the page or the package; say what is missing instead of failing.
fn warn_if_missing(config: &Config) {
    if !config.www_dir.join("index.html").is_file() {
        eprintln!("drs-console-server: warning: no index.html in {}", config.www_dir.display());
    }
    if !config.pkg_dir.join("index.js").is_file() {
        eprintln!(
            "drs-console-server: warning: no package web build in {} (run `make pkg` or scripts/build-pkg.sh)",
            config.pkg_dir.display()
        );
    }
}
