//! The server's limits (server/LIMITS.md) through `serve_with_limits`, the
//! way `main` serves: a request head must arrive within the deadline, and a
//! declared body over the limit is refused before it is read.

mod common;

use std::time::{Duration, Instant};

use common::*;
use drs_console_server::{app, serve_with_limits, Config, HEADER_READ_TIMEOUT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start_with_limits() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("local address");
    let config = Config { auth_token: TOKEN.to_string(), ..config_with_delay(Duration::from_secs(60)) };
    let app = app(config).expect("app");
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
    let request = format!(
        "GET /v3/{PROJECT}/jobs HTTP/1.1\r\nHost: {address}\r\nX-Auth-Token: {TOKEN}\r\nConnection: close\r\n\r\n"
    );
    let (reply, _) = exchange(address, &request, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply:.200}");
}

#[tokio::test]
async fn refuses_a_declared_body_over_the_limit_without_waiting_for_it() {
    let address = start_with_limits().await;
    let request = format!("POST /v3/{PROJECT}/jobs/batch-status HTTP/1.1\r\nHost: {address}\r\nX-Auth-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n{{");
    let (reply, took) = exchange(address, &request, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply:.200}");
    assert!(reply.contains("REQUEST_TOO_LARGE"), "{reply}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn closes_a_connection_whose_request_head_never_completes() {
    let address = start_with_limits().await;
    let request = format!("GET /v3/{PROJECT}/jobs HTTP/1.1\r\nHost: {address}\r\nX-Slow: ");
    let (_, took) = exchange(address, &request, HEADER_READ_TIMEOUT * 2).await;
    assert!(
        took >= HEADER_READ_TIMEOUT && took < HEADER_READ_TIMEOUT + Duration::from_secs(3),
        "closed after {took:?}"
    );
}

/// Two-character ids for every status of every kind: the shortest ids a
/// seed can have, so the fixed text of each answer entry weighs the most.
fn short_id_seed() -> Vec<drs_console_server::Task> {
    let statuses: Vec<&str> = drs_stop_rules::StatusCode::ALL.iter().map(|status| status.as_str()).collect();
    let mut tasks = Vec::new();
    for (k, kind) in ["migration", "sync", "cloudDataGuard"].iter().enumerate() {
        for (s, status) in statuses.iter().enumerate() {
            let id = format!("{}{}", (b'a' + k as u8) as char, (b'A' + s as u8) as char);
            tasks.push(
                serde_json::json!({ "id": id, "db_use_type": kind, "status": status, "network_abnormal": s % 2 == 0 }),
            );
        }
    }
    tasks_of(&serde_json::Value::Array(tasks).to_string())
}

#[tokio::test]
async fn a_batch_answer_is_at_most_4x_its_request_plus_64_kib() {
    use drs_console_server::{ANSWER_FACTOR, ANSWER_SLACK, MAX_JOBS};
    let bound = |request: usize| ANSWER_FACTOR * request + ANSWER_SLACK;
    let address = common::start(Config { tasks: short_id_seed(), ..config_with_delay(Duration::from_secs(600)) }).await;
    let ids: Vec<String> = get(address, &format!("/v3/{PROJECT}/jobs")).await.json()["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .map(|task| task["id"].as_str().expect("id").to_string())
        .collect();
    let mut worst = Vec::new();
    for lang in ["en-us", "zh-cn"] {
        // batch-status: 1,000 one-character ids nobody knows (the longest entry per byte asked).
        let body = serde_json::json!({ "jobs": vec!["x"; MAX_JOBS] }).to_string();
        let path = format!("/v3/{PROJECT}/jobs/batch-status");
        let reply = request(address, "POST", &path, body.clone(), &[("x-language", lang)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.len() <= bound(body.len()), "batch-status {lang}: {} for {}", reply.body.len(), body.len());
        worst.push(reply.body.len() as f64 / bound(body.len()) as f64);

        // batch-jobs: every kind of answer entry (each status, each delete_type), measured one
        // at a time; a batch of 1,000 is the wrapper plus 1,000 entries.
        for delete_type in ["delete", "force_terminate", "terminate"] {
            for id in &ids {
                let job = serde_json::json!({ "delete_type": delete_type, "job_id": id });
                let one = serde_json::json!({ "jobs": [job] }).to_string();
                let path = format!("/v3/{PROJECT}/jobs/batch-jobs");
                let reply = request(address, "DELETE", &path, one.clone(), &[("x-language", lang)]).await;
                assert_eq!(reply.status, 202);
                let entry = reply.body.len() - r#"{"count":1,"results":[]}"#.len() + 1;
                let job_len = job.to_string().len() + 1;
                let request_len = r#"{"jobs":[]}"#.len() + MAX_JOBS * job_len;
                let answer_len = r#"{"count":1000,"results":[]}"#.len() + MAX_JOBS * entry;
                assert!(
                    answer_len <= bound(request_len),
                    "{delete_type} {id} {lang}: 1,000 entries of {entry} bytes for jobs of {job_len} bytes: {}",
                    String::from_utf8_lossy(&reply.body)
                );
                worst.push(answer_len as f64 / bound(request_len) as f64);
            }
        }
    }
    let ratio = worst.iter().copied().fold(0.0, f64::max);
    println!("FIGURE largest batch answer at 1,000 jobs: {:.0} % of its bound (4 x request + 64 KiB)", ratio * 100.0);
}
