//! The server's limits (server/LIMITS.md) through `serve_with_limits`, the
//! way `main` serves: a request head must arrive within the deadline, and a
//! declared body over the limit is refused before it is read.

mod common;

use std::time::{Duration, Instant};

use common::*;
use drs_console_server::{app, serve_with_limits, HEADER_READ_TIMEOUT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start_with_limits() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("local address");
    let app = app(config_with_delay(Duration::from_secs(60)));
    tokio::spawn(serve_with_limits(listener, app, std::future::pending()));
    address
}

/// Writes `text`, then reads until the server closes the connection (at most `within`).
async fn exchange(address: std::net::SocketAddr, text: &str, within: Duration) -> (String, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(text.as_bytes()).await.expect("write");
    let mut received = Vec::new();
    let _ = tokio::time::timeout(within, stream.read_to_end(&mut received)).await;
    (String::from_utf8_lossy(&received).into_owned(), started.elapsed())
}

#[tokio::test]
async fn serves_requests() {
    let address = start_with_limits().await;
    let request = format!("GET /v3/{PROJECT}/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let (reply, _) = exchange(address, &request, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply:.200}");
}

#[tokio::test]
async fn refuses_a_declared_body_over_the_limit_without_waiting_for_it() {
    let address = start_with_limits().await;
    let request = format!("POST /v3/{PROJECT}/jobs/batch-status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n{{");
    let (reply, took) = exchange(address, &request, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply:.200}");
    assert!(reply.contains("REQUEST_TOO_LARGE"), "{reply}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn closes_a_connection_whose_request_head_never_completes() {
    let address = start_with_limits().await;
    let request = format!("GET /v3/{PROJECT}/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    let (_, took) = exchange(address, &request, HEADER_READ_TIMEOUT * 2).await;
    assert!(
        took >= HEADER_READ_TIMEOUT && took < HEADER_READ_TIMEOUT + Duration::from_secs(3),
        "closed after {took:?}"
    );
}
