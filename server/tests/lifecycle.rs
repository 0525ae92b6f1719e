//! The server as a process: SIGTERM and SIGINT stop it gracefully (requests
//! in flight answered, new connections refused, exit 0, at most 5 s), and
//! with `DRS_STATE` an acknowledged stop or delete survives `kill -9`.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A server process that is killed when dropped, so a failing assertion
/// leaves no server behind.
struct ServerProcess(Child);

impl std::ops::Deref for ServerProcess {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for ServerProcess {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The built server, started with `vars`; returns it and its address once it listens.
fn spawn_server(vars: &[(&str, &str)]) -> (ServerProcess, SocketAddr) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drs-console-server"));
    command.env("PORT", "0").env("DRS_AUTH_TOKEN", TOKEN).stdout(Stdio::piped()).stderr(Stdio::null());
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut child = ServerProcess(command.spawn().expect("start the server"));
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("the server's first line");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|address| address.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    assert!(line.contains(&format!("/#token={TOKEN} ")), "the console URL carries the token: {line}");
    (child, address)
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status().expect("kill");
    assert!(status.success());
}

/// Waits for the process to exit, at most `within`.
fn wait_exit(child: &mut Child, within: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < within {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

#[tokio::test]
async fn sigterm_and_sigint_answer_requests_in_flight_refuse_new_ones_and_exit_0() {
    for name in ["TERM", "INT"] {
        let (mut child, address) = spawn_server(&[]);
        // A request in flight: its head and half of its body are in when the signal comes.
        let body = br#"{"jobs": ["a", "b"]}"#;
        let mut stream = TcpStream::connect(address).await.expect("connect");
        let head = format!(
            "POST /v3/{PROJECT}/jobs/batch-status HTTP/1.1\r\nHost: {address}\r\nX-Auth-Token: {TOKEN}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.expect("head");
        stream.write_all(&body[..8]).await.expect("half a body");
        tokio::time::sleep(Duration::from_millis(200)).await;
        signal(&child, name);
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(TcpStream::connect(address).await.is_err(), "SIG{name}: a new connection was accepted");
        stream.write_all(&body[8..]).await.expect("the rest of the body");
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 200"), "SIG{name}: the request in flight got {answer:.200}");
        let status = wait_exit(&mut child, Duration::from_secs(3));
        assert_eq!(status.map(|s| s.code()), Some(Some(0)), "SIG{name}");
    }
}

#[tokio::test]
async fn a_request_that_never_completes_delays_the_exit_by_at_most_5_s() {
    let (mut child, address) = spawn_server(&[]);
    let mut stream = TcpStream::connect(address).await.expect("connect");
    let head = format!(
        "POST /v3/{PROJECT}/jobs/batch-status HTTP/1.1\r\nHost: {address}\r\nX-Auth-Token: {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).await.expect("head");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    signal(&child, "TERM");
    let status = wait_exit(&mut child, Duration::from_secs(8));
    assert_eq!(status.map(|s| s.code()), Some(Some(0)));
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(4500) && took < Duration::from_millis(6500), "exited after {took:?}");
}

fn temp_state(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("drs-console-server-state-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("state.json")
}

async fn job(address: SocketAddr, delete_type: &str, id: &str) -> serde_json::Value {
    let body = json!({ "jobs": [{ "delete_type": delete_type, "job_id": id }] }).to_string();
    let reply = request(address, "DELETE", &format!("/v3/{PROJECT}/jobs/batch-jobs"), body, &[]).await;
    assert_eq!(reply.status, 202);
    reply.json()["results"][0].clone()
}

fn durable(path: &Path) -> Vec<(&'static str, String)> {
    vec![("DRS_STATE", path.to_string_lossy().into_owned()), ("DRS_STOP_DELAY_MS", "100".to_string())]
}

/// The task is stopping or stopped, and (a stop interrupted by a kill
/// included) ends stopped after the stop delay.
async fn stop_completes(address: SocketAddr, id: &str) {
    let status = status_of(address, id).await["status"].clone();
    assert!(status == "RELEASE_RESOURCE_STARTED" || status == "RELEASE_RESOURCE_COMPLETE", "{id}: {status}");
    let started = Instant::now();
    while status_of(address, id).await["status"] != "RELEASE_RESOURCE_COMPLETE" {
        assert!(started.elapsed() < Duration::from_secs(5), "{id} never completed its stop");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// `kill -9` and a restart on the same state.
fn kill_9_and_restart(server: &mut (ServerProcess, SocketAddr), vars: &[(&str, &str)]) {
    server.0.kill().expect("kill -9");
    let _ = server.0.wait();
    *server = spawn_server(vars);
}

#[tokio::test]
async fn acknowledged_stops_and_deletes_survive_kill_9() {
    let path = temp_state("kill9");
    let vars = durable(&path);
    let vars: Vec<(&str, &str)> = vars.iter().map(|(name, value)| (*name, value.as_str())).collect();
    let mut server = spawn_server(&vars);
    let running: Vec<String> = jobs(server.1, "sync")
        .await
        .into_iter()
        .filter(|task| task["status"] == "INCRE_TRANSFER_STARTED" || task["status"] == "FULL_TRANSFER_STARTED")
        .filter(|task| task.get("is_parent").is_none_or(|v| v == false))
        .map(|task| task["id"].as_str().expect("id").to_string())
        .collect();
    let deletable = task_id(server.1, "migration", "CREATE_FAILED").await;
    assert!(running.len() >= 2, "{running:?}");

    // Each acknowledged change, then at once kill -9 and a restart on the same state.
    for id in &running {
        assert_eq!(job(server.1, "force_terminate", id).await["status"], "success");
        kill_9_and_restart(&mut server, &vars);
        stop_completes(server.1, id).await;
    }
    kill_9_and_restart(&mut server, &vars);
    for id in &running {
        stop_completes(server.1, id).await;
    }
    assert_eq!(job(server.1, "delete", &deletable).await["status"], "success");
    kill_9_and_restart(&mut server, &vars);
    assert_eq!(status_of(server.1, &deletable).await, json!({ "id": deletable, "status": "DELETED" }));
    assert!(jobs(server.1, "migration").await.iter().all(|task| task["id"] != deletable.as_str()));
    assert_eq!(job(server.1, "force_terminate", &running[0]).await["error_code"], "ALREADY_STOPPED");
    server.0.kill().expect("kill -9");
    let _ = server.0.wait();
    let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
}

#[tokio::test]
async fn without_drs_state_a_restart_starts_from_the_seed() {
    let (mut child, address) = spawn_server(&[]);
    let id = task_id(address, "sync", "INCRE_TRANSFER_STARTED").await;
    assert_eq!(job(address, "force_terminate", &id).await["status"], "success");
    child.kill().expect("kill -9");
    let _ = child.wait();
    let (mut child, address) = spawn_server(&[]);
    assert_eq!(status_of(address, &id).await["status"], "INCRE_TRANSFER_STARTED");
    child.kill().expect("kill -9");
    let _ = child.wait();
}
