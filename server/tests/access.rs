//! Who may call the API and how: tokens (401), projects (403), `Host`
//! (403), JSON bodies only (415), batch size (400), and the browser
//! security headers on every answer.

mod common;

use std::time::Duration;

use common::*;
use drs_console_server::{tokens_from_json_text, Config, CONTENT_SECURITY_POLICY_VALUE, MAX_JOBS};
use serde_json::json;

const LONG: Duration = Duration::from_secs(60);

fn config_with_tokens(tokens: &str) -> Config {
    Config { tokens: tokens_from_json_text(tokens).expect("tokens"), ..config_with_delay(LONG) }
}

#[tokio::test]
async fn every_api_call_needs_a_known_token() {
    let address = start(config_with_delay(LONG)).await;
    let calls = [
        ("GET", format!("/v3/{PROJECT}/jobs"), ""),
        ("POST", format!("/v3/{PROJECT}/jobs/batch-status"), r#"{"jobs":["a"]}"#),
        ("DELETE", format!("/v3/{PROJECT}/jobs/batch-jobs"), r#"{"jobs":[{"job_id":"a","delete_type":"terminate"}]}"#),
        ("GET", "/v3/auth/tokens".to_string(), ""),
        ("GET", format!("/v3/{PROJECT}/no-such-thing"), ""),
    ];
    for (method, path, body) in &calls {
        for (token, code) in [("", "TOKEN_REQUIRED"), ("not-the-token", "TOKEN_INVALID"), (" ", "TOKEN_INVALID")] {
            let headers: &[(&str, &str)] =
                if token.is_empty() { &[("x-auth-token", "")] } else { &[("x-auth-token", token)] };
            let reply = request(address, method, path, body.to_string(), headers).await;
            assert_eq!(reply.status, 401, "{method} {path} with {token:?}");
            assert_eq!(reply.json()["error_code"], code, "{method} {path}");
            assert!(reply.json()["error_msg"].is_string());
        }
        let reply = request(address, method, path, body.to_string(), &[]).await;
        assert_ne!(reply.status, 401, "{method} {path} with the token");
    }
    // The page and the package load without a token: the page reads it from its URL.
    assert_ne!(request(address, "GET", "/", "", &[("x-auth-token", "")]).await.status, 401);
}

#[tokio::test]
async fn a_token_reaches_only_its_own_project() {
    let tokens = r#"[{"token":"other-project","project_id":"p-other","policy":"FullAccess"}]"#;
    let seed = tasks_of(
        r#"[{"id":"mine","db_use_type":"sync","status":"PAUSING"},
            {"id":"theirs","project_id":"p-other","db_use_type":"sync","status":"PAUSING"}]"#,
    );
    let address = start(Config { tasks: seed, ..config_with_tokens(tokens) }).await;
    let other = [("x-auth-token", "other-project")];

    let mine = get(address, &format!("/v3/{PROJECT}/jobs")).await.json();
    assert_eq!(mine["count"], 1);
    assert_eq!(mine["jobs"][0]["id"], "mine");
    let theirs = request(address, "GET", "/v3/p-other/jobs", "", &other).await.json();
    assert_eq!(theirs["jobs"][0]["id"], "theirs");

    for (path, headers) in [("/v3/p-other/jobs".to_string(), &[][..]), (format!("/v3/{PROJECT}/jobs"), &other[..])] {
        let reply = request(address, "GET", &path, "", headers).await;
        assert_eq!(reply.status, 403, "{path}");
        assert_eq!(reply.json()["error_code"], "PROJECT_FORBIDDEN");
    }
    // Stopping another project's task by id is refused before any job is looked at.
    let body = json!({ "jobs": [{ "job_id": "theirs", "delete_type": "terminate" }] }).to_string();
    let reply = request(address, "DELETE", &format!("/v3/{PROJECT}/jobs/batch-jobs"), body.clone(), &[]).await;
    assert_eq!(reply.json()["results"][0]["error_code"], "TASK_NOT_FOUND");
    let reply = request(address, "DELETE", "/v3/p-other/jobs/batch-jobs", body, &[]).await;
    assert_eq!(reply.status, 403);
    let still = request(address, "GET", "/v3/p-other/jobs", "", &other).await.json();
    assert_eq!(still["jobs"][0]["status"], "PAUSING");
}

#[tokio::test]
async fn the_page_learns_its_project_and_policy_from_its_token() {
    let tokens = r#"[{"token":"reader","project_id":"p2","policy":"ReadOnlyAccess"}]"#;
    let address = start(config_with_tokens(tokens)).await;
    let me = get(address, "/v3/auth/tokens").await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json(), json!({ "token": { "project": { "id": PROJECT }, "policy": "FullAccess" } }));
    let reader = request(address, "GET", "/v3/auth/tokens", "", &[("x-auth-token", "reader")]).await;
    assert_eq!(reader.json(), json!({ "token": { "project": { "id": "p2" }, "policy": "ReadOnlyAccess" } }));
}

#[tokio::test]
async fn only_loopback_names_of_the_own_port_as_host() {
    let address = start(config_with_delay(LONG)).await;
    let port = address.port();
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let reply = request(address, "GET", &format!("/v3/{PROJECT}/jobs"), "", &[("host", &host)]).await;
        assert_eq!(reply.status, 200, "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", port + 1),
        format!("rebind.127.0.0.1.nip.io:{port}"),
    ] {
        for path in [format!("/v3/{PROJECT}/jobs"), "/".to_string(), "/app.js".to_string()] {
            let reply = request(address, "GET", &path, "", &[("host", &host)]).await;
            assert_eq!(reply.status, 403, "{host} {path}");
            assert_eq!(reply.json()["error_code"], "HOST_NOT_ALLOWED");
        }
    }
    let reply = raw_request(address, "GET", &format!("/v3/{PROJECT}/jobs"), "", &[("x-auth-token", TOKEN)]).await;
    assert_eq!(reply.status, 403, "no Host at all");
}

#[tokio::test]
async fn every_answer_forbids_sniffing_framing_and_inline_script() {
    let address = start(config_with_delay(LONG)).await;
    for (path, token) in [
        ("/".to_string(), TOKEN),
        ("/app.js".to_string(), TOKEN),
        ("/style.css".to_string(), TOKEN),
        ("/no-such-file".to_string(), TOKEN),
        (format!("/v3/{PROJECT}/jobs"), TOKEN),
        (format!("/v3/{PROJECT}/jobs"), "wrong"),
    ] {
        let reply = request(address, "GET", &path, "", &[("x-auth-token", token)]).await;
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{path}");
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert_eq!(csp, CONTENT_SECURITY_POLICY_VALUE, "{path}");
    }
    let csp = CONTENT_SECURITY_POLICY_VALUE;
    assert!(csp.contains("frame-ancestors 'none'"));
    let script = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap_or_default();
    let sources: Vec<&str> = script.split_whitespace().collect();
    for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:"] {
        assert!(!sources.contains(&forbidden), "{script}");
    }
}

#[test]
fn the_page_has_no_inline_script_or_style_the_policy_would_block() {
    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
    for entry in std::fs::read_dir(&www).expect("www") {
        let path = entry.expect("entry").path();
        let is_html = path.extension().is_some_and(|e| e == "html");
        if !is_html {
            continue;
        }
        let html = std::fs::read_to_string(&path).expect("read").to_lowercase();
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..html[i..].find('>').map_or(html.len(), |end| i + end)];
            assert!(tag.contains(" src="), "{}: inline <script>: {tag}", path.display());
        }
        assert!(!html.contains("<style"), "{}: inline <style>", path.display());
        assert!(!html.contains(" style=\""), "{}: a style attribute", path.display());
        assert!(!html.contains(" onclick=") && !html.contains(" onload="), "{}: an inline handler", path.display());
        assert!(!html.contains("javascript:"), "{}: a javascript: URL", path.display());
    }
}

#[tokio::test]
async fn bodies_must_be_json() {
    let address = start(config_with_delay(LONG)).await;
    let body = r#"{"jobs":["a"]}"#;
    let path = format!("/v3/{PROJECT}/jobs/batch-status");
    for content_type in
        ["", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]
    {
        let reply = request(address, "POST", &path, body, &[("content-type", content_type)]).await;
        assert_eq!(reply.status, 415, "{content_type:?}");
        assert_eq!(reply.json()["error_code"], "UNSUPPORTED_MEDIA_TYPE");
    }
    for content_type in ["application/json", "application/json; charset=utf-8", "Application/JSON"] {
        let reply = request(address, "POST", &path, body, &[("content-type", content_type)]).await;
        assert_eq!(reply.status, 200, "{content_type:?}");
    }
    let jobs = format!("/v3/{PROJECT}/jobs/batch-jobs");
    let stop = r#"{"jobs":[{"job_id":"a","delete_type":"terminate"}]}"#;
    assert_eq!(request(address, "DELETE", &jobs, stop, &[("content-type", "text/plain")]).await.status, 415);
}

#[tokio::test]
async fn at_most_a_thousand_jobs_per_batch() {
    let address = start(config_with_delay(LONG)).await;
    let ids = |n: usize| (0..n).map(|i| format!("t{i}")).collect::<Vec<_>>();
    let status = format!("/v3/{PROJECT}/jobs/batch-status");
    let reply = request(address, "POST", &status, json!({ "jobs": ids(MAX_JOBS) }).to_string(), &[]).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["count"], MAX_JOBS);
    let reply = request(address, "POST", &status, json!({ "jobs": ids(MAX_JOBS + 1) }).to_string(), &[]).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error_code"], "TOO_MANY_JOBS");

    let jobs =
        |n: usize| ids(n).into_iter().map(|id| json!({ "job_id": id, "delete_type": "terminate" })).collect::<Vec<_>>();
    let path = format!("/v3/{PROJECT}/jobs/batch-jobs");
    assert_eq!(request(address, "DELETE", &path, json!({ "jobs": jobs(MAX_JOBS) }).to_string(), &[]).await.status, 202);
    let reply = request(address, "DELETE", &path, json!({ "jobs": jobs(MAX_JOBS + 1) }).to_string(), &[]).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error_code"], "TOO_MANY_JOBS");
}
