//! `drs-console-server`: serves the DRS stop console demo on 127.0.0.1.
//!
//! Environment: `PORT` (default 8080; 0 picks a free port), `DRS_STOP_DELAY_MS`
//! (default 3000), `DRS_SEED` (a JSON array of task snapshots replacing the
//! built-in samples), `DRS_WWW_DIR`, `DRS_PKG_DIR` (default: `www/` and
//! `pkg/web/` of the repository).

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use drs_console_server::{app, serve_with_limits, Config};

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

    // Loopback only: this is a demo backend without authentication.
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
    // The test script waits for this exact line to learn the port.
    println!("DRS stop console: http://{address}/ ({task_count} tasks, rules {})", drs_stop_rules::rules_version());
    let _ = std::io::stdout().flush();

    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    // Not axum::serve: it sets no deadline for request heads (see serve.rs).
    serve_with_limits(listener, app(config), shutdown).await;
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
