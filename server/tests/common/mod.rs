//! Starts the server in-process on 127.0.0.1 (port 0) and talks HTTP/1 to it.

#![allow(dead_code)] // each test file uses its own part of this

use std::net::SocketAddr;
use std::time::Duration;

use drs_console_server::{app, serve_with_limits, Config, Task};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::HeaderMap;
use hyper_util::rt::TokioIo;
use serde_json::Value;

pub const PROJECT: &str = "0549b0bd2b00d3f52f9cc0138c6b0f1e";

/// The `FullAccess` token of [`PROJECT`] in every server [`start`] starts;
/// [`request`] sends it unless the test gives its own `x-auth-token`.
pub const TOKEN: &str = "test-token-full-access";

/// A server on a free loopback port, served as `main` serves it, with
/// [`TOKEN`] as its token, running until the test's runtime ends.
pub async fn start(config: Config) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("local address");
    let app = app(Config { auth_token: TOKEN.to_string(), ..config }).expect("app");
    tokio::spawn(serve_with_limits(listener, app, std::future::pending()));
    address
}

/// The built-in samples with a stop delay.
pub fn config_with_delay(delay: Duration) -> Config {
    Config { stop_delay: delay, ..Config::with_defaults() }
}

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// A request with `Host: 127.0.0.1:PORT`, `X-Auth-Token: TOKEN` and, with
/// a body, `Content-Type: application/json`, unless `headers` name them
/// (an empty value leaves the header out).
pub async fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    body: impl Into<Bytes>,
    headers: &[(&str, &str)],
) -> Reply {
    let body = body.into();
    let host = address.to_string();
    let mut all: Vec<(&str, &str)> = vec![("host", &host), ("x-auth-token", TOKEN)];
    if !body.is_empty() {
        all.push(("content-type", "application/json"));
    }
    all.retain(|(name, _)| !headers.iter().any(|(given, _)| given.eq_ignore_ascii_case(name)));
    all.extend(headers.iter().filter(|(_, value)| !value.is_empty()));
    raw_request(address, method, path, body, &all).await
}

/// A request with exactly these headers.
pub async fn raw_request(
    address: SocketAddr,
    method: &str,
    path: &str,
    body: impl Into<Bytes>,
    headers: &[(&str, &str)],
) -> Reply {
    let stream = tokio::net::TcpStream::connect(address).await.expect("connect");
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut builder = hyper::Request::builder().method(method).uri(path);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder.body(Full::new(body.into())).expect("request");
    let response = sender.send_request(request).await.expect("response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    Reply { status, headers, body }
}

pub async fn get(address: SocketAddr, path: &str) -> Reply {
    request(address, "GET", path, Bytes::new(), &[]).await
}

pub async fn jobs(address: SocketAddr, kind: &str) -> Vec<Value> {
    let reply = get(address, &format!("/v3/{PROJECT}/jobs?db_use_type={kind}")).await;
    assert_eq!(reply.status, 200);
    reply.json()["jobs"].as_array().expect("jobs array").clone()
}

/// The id of the first task of `kind` in `status` without flags.
pub async fn task_id(address: SocketAddr, kind: &str, status: &str) -> String {
    jobs(address, kind)
        .await
        .into_iter()
        .find(|task| {
            task["status"] == status
                && task.get("is_parent").is_none_or(|v| v == false)
                && task.get("network_abnormal").is_none_or(|v| v == false)
        })
        .and_then(|task| task["id"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no plain {kind} task in {status}"))
}

pub async fn batch_jobs(address: SocketAddr, jobs: &[(&str, &str)]) -> Reply {
    batch_jobs_lang(address, jobs, "en-us").await
}

pub async fn batch_jobs_lang(address: SocketAddr, jobs: &[(&str, &str)], lang: &str) -> Reply {
    let body = serde_json::json!({
        "jobs": jobs.iter().map(|(delete_type, id)| serde_json::json!({ "delete_type": delete_type, "job_id": id })).collect::<Vec<_>>()
    });
    request(
        address,
        "DELETE",
        &format!("/v3/{PROJECT}/jobs/batch-jobs"),
        body.to_string(),
        &[("content-type", "application/json"), ("x-language", lang)],
    )
    .await
}

pub async fn status_of(address: SocketAddr, id: &str) -> Value {
    let body = serde_json::json!({ "jobs": [id] }).to_string();
    let reply = request(address, "POST", &format!("/v3/{PROJECT}/jobs/batch-status"), body, &[]).await;
    assert_eq!(reply.status, 200);
    reply.json()["results"][0].clone()
}

pub fn tasks_of(json: &str) -> Vec<Task> {
    drs_console_server::tasks_from_json_text(json).expect("valid seed")
}
