//! The in-memory task store: task snapshots as the API returns them, plus
//! the ids of deleted tasks (batch-status still answers `DELETED` for them).

use std::collections::HashSet;

use drs_stop_rules::StopTask;
use serde_json::{Map, Value};

/// One task: the snapshot served by the API (extra fields kept as given) and
/// the same snapshot read by the rules crate.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    snapshot: Map<String, Value>,
    rules_view: StopTask,
    id: String,
}

impl Task {
    /// Validates a snapshot through the crate's reader; the id is required.
    /// `path` prefixes error messages (e.g. `[3]` in a seed file).
    pub fn from_json(value: &Value, path: &str) -> Result<Task, String> {
        let rules_view = StopTask::from_json(value).map_err(|error| {
            let at = if error.path.is_empty() { path.to_string() } else { format!("{path}.{}", error.path) };
            format!("{} at {at}: {}", error.code, error.message)
        })?;
        let id =
            rules_view.id.clone().ok_or_else(|| format!("INVALID_INPUT at {path}.id: every task needs a string id"))?;
        if id.trim().is_empty() {
            return Err(format!("INVALID_INPUT at {path}.id: the id is empty"));
        }
        // `from_json` succeeded, so the value is an object.
        let snapshot = value.as_object().cloned().unwrap_or_default();
        Ok(Task { snapshot, rules_view, id })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn db_use_type(&self) -> &str {
        &self.rules_view.db_use_type
    }

    /// The snapshot as the rules read it.
    pub fn rules_view(&self) -> &StopTask {
        &self.rules_view
    }

    /// The raw status, as stored.
    pub fn status(&self) -> &str {
        &self.rules_view.status
    }

    pub fn set_status(&mut self, status: &str) {
        self.rules_view.status = status.to_string();
        self.snapshot.insert("status".into(), Value::String(status.to_string()));
    }

    /// The task as the API returns it.
    pub fn to_json(&self) -> Value {
        Value::Object(self.snapshot.clone())
    }
}

/// All tasks, in list order.
#[derive(Debug, Default)]
pub struct Store {
    tasks: Vec<Task>,
    deleted: HashSet<String>,
}

impl Store {
    pub fn new(tasks: Vec<Task>) -> Store {
        Store { tasks, deleted: HashSet::new() }
    }

    /// Tasks of one kind (`db_use_type`), or all.
    pub fn list(&self, db_use_type: Option<&str>) -> Vec<Value> {
        self.tasks
            .iter()
            .filter(|task| db_use_type.is_none_or(|kind| task.db_use_type() == kind))
            .map(Task::to_json)
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|task| task.id() == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Task> {
        self.tasks.iter_mut().find(|task| task.id() == id)
    }

    /// Removes a task; its id is remembered as deleted.
    pub fn delete(&mut self, id: &str) {
        self.tasks.retain(|task| task.id() != id);
        self.deleted.insert(id.to_string());
    }

    pub fn is_deleted(&self, id: &str) -> bool {
        self.deleted.contains(id)
    }
}
