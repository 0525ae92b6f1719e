//! Configuration: seeds (built-in, JSON, files), environment variables, and
//! serving the page and the package.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use common::*;
use drs_console_server::Config;

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |name| map.get(name).cloned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("drs-console-server-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn environment_sets_delay_paths_and_seed() {
    let dir = temp_dir("seed");
    let seed = dir.join("seed.json");
    std::fs::write(
        &seed,
        r#"[{"id":"t1","name":"one","db_use_type":"sync","status":"PAUSING","engine_type":"mysql"}]"#,
    )
    .expect("write");
    let config = Config::from_vars(vars(&[
        ("DRS_STOP_DELAY_MS", "250"),
        ("DRS_WWW_DIR", "/srv/www"),
        ("DRS_PKG_DIR", "/srv/pkg"),
        ("DRS_SEED", seed.to_str().expect("utf-8 path")),
    ]))
    .expect("valid");
    assert_eq!(config.stop_delay, Duration::from_millis(250));
    assert_eq!(config.www_dir, PathBuf::from("/srv/www"));
    assert_eq!(config.pkg_dir, PathBuf::from("/srv/pkg"));
    assert_eq!(config.tasks.len(), 1);
    assert_eq!(config.tasks[0].id(), "t1");

    let defaults = Config::from_vars(vars(&[])).expect("defaults");
    assert_eq!(defaults.stop_delay, Duration::from_millis(3000));
    assert!(defaults.tasks.len() > 3 * 29);
}

#[test]
fn bad_environment_is_a_clear_error() {
    let error = Config::from_vars(vars(&[("DRS_STOP_DELAY_MS", "soon")])).expect_err("bad delay");
    assert!(error.to_string().contains("DRS_STOP_DELAY_MS"));
    let error = Config::from_vars(vars(&[("DRS_SEED", "/no/such/seed.json")])).expect_err("missing seed");
    assert!(error.to_string().contains("cannot read"));

    let dir = temp_dir("bad-seed");
    let seed = dir.join("seed.json");
    std::fs::write(&seed, r#"[{"id":"a","db_use_type":"sync","status":"PAUSING"},{"id":"b","db_use_type":"sync","status":"PAUSING","is_parent":"yes"}]"#).expect("write");
    let error = Config::from_vars(vars(&[("DRS_SEED", seed.to_str().expect("utf-8 path"))])).expect_err("bad seed");
    assert!(error.to_string().contains("[1].is_parent"), "{error}");
}

#[tokio::test]
async fn a_custom_seed_replaces_the_samples() {
    let tasks = tasks_of(
        r#"[{"id":"x1","name":"custom","db_use_type":"cloudDataGuard","status":"paused","engine_type":"cloudDataGuard-mysql","owner":"ops"}]"#,
    );
    let address = start(Config { tasks, ..Config::with_defaults() }).await;
    let all = get(address, &format!("/v3/{PROJECT}/jobs")).await.json();
    assert_eq!(all["count"], 1);
    // Extra fields are served as given.
    assert_eq!(all["jobs"][0]["owner"], "ops");
    assert_eq!(jobs(address, "migration").await.len(), 0);
    // The rules read the status as sent ("paused" = PAUSING): stoppable.
    let result = batch_jobs(address, &[("terminate", "x1")]).await.json()["results"][0].clone();
    assert_eq!(result["status"], "success");
}

#[tokio::test]
async fn serves_the_page_and_the_package() {
    let www = temp_dir("www");
    let pkg = temp_dir("pkg");
    std::fs::write(www.join("index.html"), "<!doctype html><title>console</title>").expect("write");
    std::fs::write(pkg.join("index.js"), "export const x = 1;").expect("write");
    std::fs::write(pkg.join("drs_stop_rules_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    let address = start(Config { www_dir: www, pkg_dir: pkg, ..Config::with_defaults() }).await;

    let page = get(address, "/").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").is_some_and(|t| t.starts_with("text/html")));
    let module = get(address, "/pkg/index.js").await;
    assert_eq!(module.status, 200);
    assert!(module.header("content-type").is_some_and(|t| t.contains("javascript")));
    let wasm = get(address, "/pkg/drs_stop_rules_bg.wasm").await;
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(get(address, "/no-such-file.js").await.status, 404);
}
