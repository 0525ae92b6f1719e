//! Serving the app with limits on what one client can hold: `axum::serve`
//! gives hyper no timer, so a client that sends its headers a byte at a time
//! (or opens connections and sends nothing) would keep them forever. Here each
//! connection has a deadline for every request head (which also closes idle
//! keep-alive connections) and for stalled writes, its buffers are bounded,
//! and the number of open connections is capped. The limits are documented
//! in `server/LIMITS.md`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::security::LocalPort;
use crate::write_deadline::WriteDeadline;

/// Time a client has to send a complete request head (request line and
/// headers), counted from when the connection is ready for the next request;
/// on expiry the connection is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Open connections at most; further clients wait in the listen backlog until
/// one closes. Below the usual 1024 file descriptor limit, so the server can
/// still open files (the page and the package) when it is full.
pub const MAX_CONNECTIONS: usize = 768;

/// A connection's read and write buffers hold at most this much (and so a
/// request head is at most this long).
pub const CONNECTION_BUFFER: usize = 64 * 1024;

/// How long a shutdown waits for requests in flight before it gives up on them.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Serves `app` on `listener` (HTTP/1.1) until `shutdown` completes; then
/// stops accepting, lets requests in flight finish (at most
/// [`SHUTDOWN_GRACE`]) and returns.
pub async fn serve_with_limits(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let port = listener.local_addr().map(|address| address.port()).unwrap_or(0);
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break, // never closed
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors or an aborted handshake: retry shortly.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = app.clone().map_request(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(LocalPort(port));
            request
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT)
            .max_buf_size(CONNECTION_BUFFER)
            .serve_connection(TokioIo::new(WriteDeadline::new(stream)), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is its own problem, not the server's.
            let _ = connection.await;
            drop(permit);
        });
    }
    // New clients are refused from here on; those in flight get their answers.
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}
