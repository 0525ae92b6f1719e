//! The three kinds of DRS task, as the API's `db_use_type` field names them.

use serde::Serialize;

use crate::description::code_part;

/// Task kind (`db_use_type`). Matched exactly, as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum TaskKind {
    /// Real-time migration (`migration`).
    #[serde(rename = "migration")]
    Migration,
    /// Real-time synchronization (`sync`).
    #[serde(rename = "sync")]
    Sync,
    /// Real-time disaster recovery (`cloudDataGuard`).
    #[serde(rename = "cloudDataGuard")]
    DisasterRecovery,
}

impl TaskKind {
    /// Every kind, in the order the eligibility table lists them.
    pub const ALL: [TaskKind; 3] = [TaskKind::Migration, TaskKind::Sync, TaskKind::DisasterRecovery];

    /// Parses the API's `db_use_type` (or v5 `job_type`); `None` for a kind
    /// this version does not know. SDKs append a description
    /// (`"migration:实时迁移"`): it is cut off at the first colon (ASCII or
    /// full-width) and the rest trimmed; the kind itself must match exactly.
    pub fn from_db_use_type(value: &str) -> Option<TaskKind> {
        match code_part(value) {
            "migration" => Some(TaskKind::Migration),
            "sync" => Some(TaskKind::Sync),
            "cloudDataGuard" => Some(TaskKind::DisasterRecovery),
            _ => None,
        }
    }

    /// The API's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            TaskKind::Migration => "migration",
            TaskKind::Sync => "sync",
            TaskKind::DisasterRecovery => "cloudDataGuard",
        }
    }
}
