//! The tasks the store starts with: built-in samples (every status code of
//! the rules' table, for each kind, plus the special cases a console must
//! handle), or a JSON array of snapshots from `DRS_SEED`.

use std::collections::HashSet;
use std::path::Path;

use drs_stop_rules::StatusCode;
use serde_json::{json, Value};

use crate::config::ConfigError;
use crate::store::Task;

/// Reads a seed file: a JSON array of task snapshots, each validated by the
/// rules crate's reader, ids unique.
pub fn tasks_from_file(path: &Path) -> Result<Vec<Task>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| ConfigError(format!("DRS_SEED: cannot read {}: {error}", path.display())))?;
    tasks_from_json_text(&text).map_err(|error| ConfigError(format!("DRS_SEED {}: {error}", path.display())))
}

/// Parses and validates a seed (a JSON array of task snapshots).
pub fn tasks_from_json_text(text: &str) -> Result<Vec<Task>, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| format!("not valid JSON: {error}"))?;
    let items = value.as_array().ok_or("expected a JSON array of task objects")?;
    let mut seen = HashSet::new();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let task = Task::from_json(item, &format!("[{i}]"))?;
            if !seen.insert(task.id().to_string()) {
                return Err(format!("[{i}].id: duplicate task id {:?}", task.id()));
            }
            Ok(task)
        })
        .collect()
}

/// Business names the sample tasks are named after, one per status row.
const SYSTEMS: &[&str] = &[
    "orders",
    "payments",
    "inventory",
    "crm",
    "billing",
    "user-profile",
    "analytics",
    "logistics",
    "catalog",
    "loyalty",
    "invoicing",
    "hr-portal",
    "ledger",
    "reviews",
    "search-index",
    "notifications",
    "shipping",
    "pricing",
    "coupons",
    "warehouse",
    "audit-log",
    "sessions",
    "recommendations",
    "cms",
    "support-tickets",
    "subscriptions",
    "fraud-check",
    "reporting",
    "iot-telemetry",
];

/// How each kind's sample names and engines look in a console.
struct KindSamples {
    db_use_type: &'static str,
    engines: &'static [&'static str],
    name: fn(&str, usize) -> String,
}

const KINDS: [KindSamples; 3] = [
    KindSamples {
        db_use_type: "migration",
        engines: &["mysql", "postgresql", "mongodb", "mysql-to-taurus"],
        name: |system, i| format!("mig-{system}-{}", ["prod", "idc-to-cloud", "v2", "cutover"][i % 4]),
    },
    KindSamples {
        db_use_type: "sync",
        engines: &["mysql", "postgresql", "mysql-to-taurus"],
        name: |system, i| format!("sync-{system}-{}", ["to-dws", "realtime", "to-reporting"][i % 3]),
    },
    KindSamples {
        db_use_type: "cloudDataGuard",
        engines: &["cloudDataGuard-mysql"],
        name: |system, i| format!("dr-{system}-{}", ["cn-north-4", "eu-de", "ap-southeast-1"][i % 3]),
    },
];

/// A stable id in the shape of a DRS job id (a UUID ending in `jb01`), so the
/// sample list is the same on every start.
fn job_id(seed: &str) -> String {
    let hash = |salt: u64| {
        seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64 ^ salt, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    };
    let (a, b) = (hash(1), hash(2));
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:08x}jb01",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0xfff,
        b & 0xffff_ffff
    )
}

/// Creation time, milliseconds since the epoch as the API sends it.
fn create_time(n: usize) -> String {
    const BASE_MS: u64 = 1_760_000_000_000;
    (BASE_MS - (n as u64) * 5_400_000).to_string()
}

fn task_type(status: StatusCode, i: usize) -> &'static str {
    match status {
        StatusCode::FullTransferComplete => "FULL_TRANS",
        _ if i % 5 == 3 => "INCR_TRANS",
        _ => "FULL_INCR_TRANS",
    }
}

/// The special cases, per kind: `(name, status, engine, flags)`.
fn special_tasks(db_use_type: &str) -> Vec<Value> {
    let task = |name: &str, status: &str, engine: &str, flags: Value| {
        let mut value = json!({
            "id": job_id(&format!("{db_use_type}/{name}")),
            "name": name,
            "db_use_type": db_use_type,
            "status": status,
            "engine_type": engine,
            "task_type": "FULL_INCR_TRANS",
        });
        if let (Some(target), Some(flags)) = (value.as_object_mut(), flags.as_object()) {
            target.extend(flags.clone());
        }
        value
    };
    match db_use_type {
        "migration" => vec![
            task("mig-orders-network-down", "INCRE_TRANSFER_STARTED", "mysql", json!({ "network_abnormal": true })),
            task("mig-erp-parent", "INCRE_TRANSFER_STARTED", "mysql", json!({ "is_parent": true })),
            // A name a careless console would turn into markup.
            task("<img src=x onerror=alert(1)> legacy-crm", "FULL_TRANSFER_STARTED", "mysql", json!({})),
        ],
        "sync" => vec![
            task("sync-ledger-config-failed", "CONFIGURATION", "postgresql", json!({ "configuration_failed": true })),
            task(
                "sync-events-pg-network-down",
                "INCRE_TRANSFER_STARTED",
                "postgresql",
                json!({ "network_abnormal": true }),
            ),
        ],
        _ => vec![
            task(
                "dr-payments-dual-active",
                "INCRE_TRANSFER_STARTED",
                "cloudDataGuard-mysql",
                json!({ "is_parent": true, "multi_write": true }),
            ),
            task("dr-orders-parent", "INCRE_TRANSFER_STARTED", "cloudDataGuard-mysql", json!({ "is_parent": true })),
        ],
    }
}

/// The built-in sample tasks: for each kind, the special cases, then one
/// task per status code of the rules' table.
pub fn builtin_tasks() -> Vec<Task> {
    let mut values = Vec::new();
    for kind in &KINDS {
        values.extend(special_tasks(kind.db_use_type));
        for (i, status) in StatusCode::ALL.iter().enumerate() {
            let system = SYSTEMS[i % SYSTEMS.len()];
            let name = (kind.name)(system, i);
            values.push(json!({
                "id": job_id(&format!("{}/{}", kind.db_use_type, status.as_str())),
                "name": name,
                "db_use_type": kind.db_use_type,
                "status": status.as_str(),
                "engine_type": kind.engines[i % kind.engines.len()],
                "task_type": task_type(*status, i),
                "network_abnormal": false,
                "configuration_failed": false,
                "is_parent": false,
                "multi_write": false,
            }));
        }
    }
    values
        .iter()
        .enumerate()
        .filter_map(|(n, value)| {
            let mut value = value.clone();
            if let Some(object) = value.as_object_mut() {
                object.insert("create_time".into(), Value::String(create_time(n)));
            }
            // Samples are written above; a unit test checks none is dropped here.
            Task::from_json(&value, &format!("[{n}]")).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_cover_every_status_of_every_kind_with_unique_ids() {
        let tasks = builtin_tasks();
        let specials: usize = KINDS.iter().map(|kind| special_tasks(kind.db_use_type).len()).sum();
        assert_eq!(tasks.len(), 3 * StatusCode::ALL.len() + specials);
        let ids: HashSet<&str> = tasks.iter().map(Task::id).collect();
        assert_eq!(ids.len(), tasks.len());
        for kind in &KINDS {
            for status in StatusCode::ALL {
                assert!(tasks.iter().any(|t| t.db_use_type() == kind.db_use_type && t.status() == status.as_str()));
            }
        }
    }

    #[test]
    fn bad_seeds_are_refused_with_a_path() {
        assert!(tasks_from_json_text("{").unwrap_err().contains("not valid JSON"));
        assert!(tasks_from_json_text("{}").unwrap_err().contains("array"));
        let missing_status = r#"[{"id":"a","db_use_type":"sync"}]"#;
        assert!(tasks_from_json_text(missing_status).unwrap_err().contains("[0].status"));
        let no_id = r#"[{"db_use_type":"sync","status":"CREATING"}]"#;
        assert!(tasks_from_json_text(no_id).unwrap_err().contains("[0].id"));
        let duplicate = r#"[{"id":"a","db_use_type":"sync","status":"CREATING"},{"id":"a","db_use_type":"sync","status":"CREATING"}]"#;
        assert!(tasks_from_json_text(duplicate).unwrap_err().contains("duplicate"));
    }
}
