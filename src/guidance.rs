//! What a stop does and what to do around it (contract section 4): the
//! consequences of each mode, the advice for the whole decision and the
//! follow-ups after a forced stop. Codes only; `decision` adds the messages.

use crate::codes::{Advice, Consequence, FollowUp};
use crate::kind::TaskKind;
use crate::rule_inputs::RuleInputs;
use crate::status::StatusCode;

/// The two ways to stop a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StopMode {
    /// `terminate`: the task finishes its completion steps (triggers and events for migration).
    Normal,
    /// `force_terminate`: resources are released at once.
    Force,
}

// Serialized as its name (`normal`, `force`). Written by hand: serde-wasm-bindgen
// converts a derived enum's name through the same name cache as struct
// fields (see serialize_fields.rs).
impl serde::Serialize for StopMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl StopMode {
    /// The v3 API's `delete_type`.
    pub fn delete_type(self) -> &'static str {
        match self {
            StopMode::Normal => "terminate",
            StopMode::Force => "force_terminate",
        }
    }

    /// The v5 API's `is_force_stop`.
    pub fn is_force_stop(self) -> bool {
        self == StopMode::Force
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StopMode::Normal => "normal",
            StopMode::Force => "force",
        }
    }
}

/// What stopping in `mode` does to a task of `kind`.
pub fn consequences(kind: TaskKind, mode: StopMode) -> &'static [Consequence] {
    use Consequence::*;
    match (mode, kind) {
        (StopMode::Normal, TaskKind::Migration) => &[Irreversible, TriggersAndEventsMigrated],
        (StopMode::Normal, _) => &[Irreversible],
        (StopMode::Force, TaskKind::Migration) => {
            &[Irreversible, ResourcesReleasedAtOnce, TriggersAndEventsNotMigrated]
        }
        (StopMode::Force, TaskKind::Sync | TaskKind::DisasterRecovery) => {
            &[Irreversible, ResourcesReleasedAtOnce, CheckSyncImpact]
        }
    }
}

/// Manual work after stopping in `mode` (only a forced stop leaves any).
pub fn follow_ups(inputs: &RuleInputs, kind: TaskKind, mode: StopMode) -> &'static [FollowUp] {
    use FollowUp::*;
    if mode != StopMode::Force {
        return &[];
    }
    match kind {
        TaskKind::Migration => &[MigrateTriggersAndEventsManually],
        // A full-only task never opened replication slots or switched the
        // destination's replication role; every task with an incremental phase did.
        TaskKind::Sync if inputs.postgresql && inputs.full_only => &[PgSyncSequences],
        TaskKind::Sync if inputs.postgresql => {
            &[PgSyncSequences, PgDropReplicationSlots, PgResetSessionReplicationRole]
        }
        TaskKind::Sync | TaskKind::DisasterRecovery => &[],
    }
}

/// Advice for a stoppable task.
pub fn advice(kind: TaskKind, status: StatusCode, abnormal: bool) -> Vec<Advice> {
    let mut list = vec![Advice::StopBeforeNetworkDisconnect];
    if abnormal {
        list.push(Advice::RestoreFirst);
    }
    if status == StatusCode::IncreTransferStarted && matches!(kind, TaskKind::Migration | TaskKind::Sync) {
        list.push(Advice::CompareAndCutOverFirst);
    }
    if status == StatusCode::Pausing {
        list.push(Advice::LongPauseRisk);
    }
    list
}
