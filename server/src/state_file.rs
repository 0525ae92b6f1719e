//! `DRS_STATE`: the store on disk, so that an acknowledged stop or delete
//! survives a restart, `kill -9` included. Every change is written before it
//! is acknowledged: the whole state to a temporary file, flushed to disk
//! (`fsync`), renamed over the state file, and the directory flushed, so the
//! file is always either the old or the new state, never a mix.
//!
//! Writers take turns; a writer whose snapshot an earlier writer has already
//! covered (a later generation is on disk) has nothing to do, so a burst of
//! changes costs few writes.

use std::collections::{BTreeSet, HashMap};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::store::{Project, Store, Task};

/// The file's format version.
const FORMAT: u32 = 1;

/// A copy of the store to write (tasks are shared, so a copy is cheap).
pub struct Snapshot {
    generation: u64,
    projects: HashMap<String, Project>,
}

impl Snapshot {
    pub fn of(store: &Store) -> Snapshot {
        Snapshot { generation: store.generation(), projects: store.projects().clone() }
    }
}

pub struct StateFile {
    path: PathBuf,
    /// The generation on disk.
    written: Mutex<Option<u64>>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: u32,
    projects: HashMap<&'a str, ProjectOut<'a>>,
}

#[derive(Serialize)]
struct ProjectOut<'a> {
    tasks: Vec<&'a Map<String, Value>>,
    deleted: Vec<&'a String>,
    stopping: Vec<&'a String>,
}

#[derive(Deserialize)]
struct FileIn {
    format: u32,
    projects: HashMap<String, ProjectIn>,
}

#[derive(Deserialize)]
struct ProjectIn {
    tasks: Vec<Value>,
    deleted: BTreeSet<String>,
    stopping: BTreeSet<String>,
}

impl StateFile {
    pub fn new(path: PathBuf) -> Arc<StateFile> {
        Arc::new(StateFile { path, written: Mutex::new(None) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored state, or `None` when there is no file yet.
    pub fn load(&self) -> Result<Option<Store>, String> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(format!("cannot read {}: {error}", self.path.display())),
        };
        let file: FileIn = serde_json::from_str(&text)
            .map_err(|error| format!("{} is not a state file: {error}", self.path.display()))?;
        if file.format != FORMAT {
            return Err(format!("{}: unknown format {}", self.path.display(), file.format));
        }
        let mut projects = HashMap::new();
        for (name, project) in file.projects {
            let tasks = project
                .tasks
                .iter()
                .enumerate()
                .map(|(i, value)| Task::from_json(value, &format!("projects.{name}.tasks[{i}]")))
                .collect::<Result<Vec<Task>, String>>()?;
            projects.insert(name, Project::from_parts(tasks, project.deleted, project.stopping));
        }
        Ok(Some(Store::from_projects(projects)))
    }

    /// Writes `snapshot` unless a later one is already on disk. Blocking:
    /// call it from `spawn_blocking`.
    pub fn save(&self, snapshot: &Snapshot) -> io::Result<()> {
        let mut written = self.written.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if written.is_some_and(|generation| generation >= snapshot.generation) {
            return Ok(());
        }
        let projects = snapshot
            .projects
            .iter()
            .map(|(name, project)| {
                let out = ProjectOut {
                    tasks: project.tasks().map(|task| task.snapshot()).collect(),
                    deleted: project.deleted().collect(),
                    stopping: project.stopping().collect(),
                };
                (name.as_str(), out)
            })
            .collect();
        let bytes = serde_json::to_vec(&FileOut { format: FORMAT, projects }).map_err(io::Error::other)?;
        write_atomically(&self.path, &bytes)?;
        *written = Some(snapshot.generation);
        Ok(())
    }
}

/// Temporary file, fsync, rename, fsync of the directory.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let mut file = File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&temporary, path)?;
    let directory = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
    File::open(directory)?.sync_all()
}
