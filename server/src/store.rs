//! The task store: per project, task snapshots as the API returns them (in
//! list order), the ids of deleted tasks (batch-status still answers
//! `DELETED` for them) and of tasks this server is stopping.
//!
//! Tasks are shared (`Arc`): a list copies pointers under the lock and is
//! serialised after the lock is released.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use drs_stop_rules::StopTask;
use indexmap::IndexMap;
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
        if value.get("project_id").is_some_and(|project| !project.is_string()) {
            return Err(format!("INVALID_INPUT at {path}.project_id: expected a string"));
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

    /// The project named by the snapshot's own `project_id` field, if any.
    pub fn own_project_id(&self) -> Option<&str> {
        self.snapshot.get("project_id").and_then(Value::as_str)
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
    pub fn snapshot(&self) -> &Map<String, Value> {
        &self.snapshot
    }
}

/// One project's tasks.
#[derive(Debug, Default, Clone)]
pub struct Project {
    tasks: IndexMap<String, Arc<Task>>,
    deleted: BTreeSet<String>,
    /// Tasks whose stop this server accepted and has not completed yet.
    stopping: BTreeSet<String>,
}

impl Project {
    pub fn tasks(&self) -> impl Iterator<Item = &Arc<Task>> {
        self.tasks.values()
    }

    pub fn deleted(&self) -> impl Iterator<Item = &String> {
        self.deleted.iter()
    }

    pub fn stopping(&self) -> impl Iterator<Item = &String> {
        self.stopping.iter()
    }

    /// A project from stored parts (see `state_file`).
    pub fn from_parts(tasks: Vec<Task>, deleted: BTreeSet<String>, stopping: BTreeSet<String>) -> Project {
        let tasks = tasks.into_iter().map(|task| (task.id().to_string(), Arc::new(task))).collect();
        Project { tasks, deleted, stopping }
    }
}

/// All projects. Every change bumps `generation`, so the state file can tell
/// whether a snapshot it is about to write is already superseded.
#[derive(Debug, Default)]
pub struct Store {
    projects: HashMap<String, Project>,
    generation: u64,
}

impl Store {
    /// Tasks go to their own `project_id`, else to `default_project`.
    pub fn new(tasks: Vec<Task>, default_project: &str) -> Store {
        let mut store = Store::default();
        for task in tasks {
            let project = task.own_project_id().unwrap_or(default_project).to_string();
            let project = store.projects.entry(project).or_default();
            project.tasks.insert(task.id().to_string(), Arc::new(task));
        }
        store
    }

    pub fn from_projects(projects: HashMap<String, Project>) -> Store {
        Store { projects, generation: 0 }
    }

    pub fn projects(&self) -> &HashMap<String, Project> {
        &self.projects
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A project's tasks of one kind (`db_use_type`), or all, in list order.
    pub fn list(&self, project: &str, db_use_type: Option<&str>) -> Vec<Arc<Task>> {
        let Some(project) = self.projects.get(project) else { return Vec::new() };
        project
            .tasks
            .values()
            .filter(|task| db_use_type.is_none_or(|kind| task.db_use_type() == kind))
            .cloned()
            .collect()
    }

    pub fn get(&self, project: &str, id: &str) -> Option<&Arc<Task>> {
        self.projects.get(project)?.tasks.get(id)
    }

    pub fn is_deleted(&self, project: &str, id: &str) -> bool {
        self.projects.get(project).is_some_and(|project| project.deleted.contains(id))
    }

    /// Sets a task's status; `stopping` marks a stop this server must complete.
    pub fn set_status(&mut self, project: &str, id: &str, status: &str, stopping: bool) {
        let Some(project) = self.projects.get_mut(project) else { return };
        let Some(task) = project.tasks.get_mut(id) else { return };
        Arc::make_mut(task).set_status(status);
        if stopping {
            project.stopping.insert(id.to_string());
        } else {
            project.stopping.remove(id);
        }
        self.generation += 1;
    }

    /// Removes a task; its id is remembered as deleted.
    pub fn delete(&mut self, project: &str, id: &str) {
        let Some(project) = self.projects.get_mut(project) else { return };
        if project.tasks.shift_remove(id).is_some() {
            project.stopping.remove(id);
            project.deleted.insert(id.to_string());
            self.generation += 1;
        }
    }

    /// The stops to complete after a restart: `(project, id)`.
    pub fn pending_stops(&self) -> Vec<(String, String)> {
        self.projects
            .iter()
            .flat_map(|(name, project)| project.stopping.iter().map(move |id| (name.clone(), id.clone())))
            .collect()
    }
}
