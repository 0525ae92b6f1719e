//! The stop eligibility table: for every status code and task kind, whether
//! Stop is enabled and, if so, which stop mode the status calls for.
//!
//! This is the one place the rules live. It reads like section 2 of the
//! contract (`spec/stop-rules.md`); cells the DRS documentation does not state
//! outright are marked `inferred` so they can be found and changed here.

use crate::codes::BlockCode::{self, *};
use crate::kind::TaskKind;
use crate::status::StatusCode::{self, *};

/// What one status means for Stop, for one kind of task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Eligibility {
    /// Stop is enabled; a normal stop is possible when the network is fine.
    Normal,
    /// Stop is enabled, but the status is a failure: the task is abnormal and
    /// a forced stop is preselected.
    Force,
    /// Stop is refused, for the given reason.
    Blocked(BlockCode),
}

/// One cell of the table: the rule and whether it is documented or our decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cell {
    pub eligibility: Eligibility,
    /// `true` when the DRS documentation does not state this; it is a decision.
    pub inferred: bool,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    pub status: StatusCode,
    pub migration: Cell,
    pub sync: Cell,
    pub disaster_recovery: Cell,
}

impl Row {
    /// The cell for one kind.
    pub const fn cell(&self, kind: TaskKind) -> Cell {
        match kind {
            TaskKind::Migration => self.migration,
            TaskKind::Sync => self.sync,
            TaskKind::DisasterRecovery => self.disaster_recovery,
        }
    }
}

const NORMAL: Cell = Cell { eligibility: Eligibility::Normal, inferred: false };
const NORMAL_INFERRED: Cell = Cell { eligibility: Eligibility::Normal, inferred: true };
const FORCE: Cell = Cell { eligibility: Eligibility::Force, inferred: false };
const FORCE_INFERRED: Cell = Cell { eligibility: Eligibility::Force, inferred: true };
const fn blocked(code: BlockCode) -> Cell {
    Cell { eligibility: Eligibility::Blocked(code), inferred: false }
}

/// A row whose three kinds differ.
const fn row(status: StatusCode, migration: Cell, sync: Cell, disaster_recovery: Cell) -> Row {
    Row { status, migration, sync, disaster_recovery }
}

/// A row that is the same for every kind.
const fn same(status: StatusCode, cell: Cell) -> Row {
    row(status, cell, cell, cell)
}

/// The eligibility table. Order follows the contract.
#[rustfmt::skip]
pub const STOP_TABLE: &[Row] = &[
    //   status                          migration        sync             cloudDataGuard (DR)
    same(Creating,                       NORMAL),
    // A failed configuration attempt is checked after the table (see `decision`).
    same(Configuration,                  NORMAL),
    // The DR stop page does not list "Pending start".
    row (WaitingForStart,                NORMAL,          NORMAL,          blocked(NotStoppableInStatus)),
    same(StartJobing,                    blocked(OperationInProgress)),
    same(StartJobFailed,                 blocked(NotStoppableInStatus)),
    // A task whose creation failed is deleted, not stopped.
    same(CreateFailed,                   blocked(CreationFailed)),
    same(FullTransferStarted,            NORMAL),
    row (FullTransferComplete,           NORMAL_INFERRED, NORMAL_INFERRED, blocked(NotStoppableInStatus)),
    row (FullTransferFailed,             FORCE,           FORCE,           FORCE_INFERRED),
    same(IncreTransferStarted,           NORMAL),
    same(IncreTransferFailed,            FORCE),
    // PAUSING is what the API reports for a paused task.
    same(Pausing,                        NORMAL),
    // Stop waits while a fault is being rectified...
    same(RebuildNodeStarted,             blocked(FaultBeingRectified)),
    // ...and is the way out once rectification has failed.
    row (RebuildNodeFailed,              FORCE,           FORCE,           FORCE_INFERRED),
    same(ReleaseResourceStarted,         blocked(AlreadyStopping)),
    // A stop that failed may be retried, forcibly.
    same(ReleaseResourceFailed,          FORCE_INFERRED),
    same(ReleaseResourceComplete,        blocked(AlreadyStopped)),
    same(StatusCode::Deleted,            blocked(BlockCode::Deleted)),
    same(ChangeJobStarted,               blocked(OperationInProgress)),
    same(ChangeJobFailed,                blocked(NotStoppableInStatus)),
    same(ChildTransferStarting,          blocked(OperationInProgress)),
    same(ChildTransferStarted,           NORMAL_INFERRED),
    same(ChildTransferComplete,          NORMAL_INFERRED),
    same(ChildTransferFailed,            FORCE_INFERRED),
    same(ReleaseChildTransferStarted,    blocked(AlreadyStopping)),
    same(ReleaseChildTransferComplete,   blocked(AlreadyStopped)),
    same(NodeUpgradeStart,               blocked(OperationInProgress)),
    same(NodeUpgradeComplete,            NORMAL_INFERRED),
    same(NodeUpgradeFailed,              FORCE_INFERRED),
];

/// The table row for a status code. Every known code has exactly one row
/// (checked by the tests below).
pub fn row_for(status: StatusCode) -> Option<&'static Row> {
    STOP_TABLE.iter().find(|row| row.status == status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_code_has_exactly_one_row() {
        for code in StatusCode::ALL {
            let rows = STOP_TABLE.iter().filter(|row| row.status == *code).count();
            assert_eq!(rows, 1, "{code:?} has {rows} rows");
        }
        assert_eq!(STOP_TABLE.len(), StatusCode::ALL.len());
    }

    #[test]
    fn table_never_uses_decision_time_codes() {
        // These codes come from the task's flags, the modes or the batch, never from a status row.
        let decision_time = [UnknownKind, UnknownStatus, ConfigurationFailed, ParentTask, TaskAbnormal, DuplicateTask];
        for row in STOP_TABLE {
            for kind in TaskKind::ALL {
                if let Eligibility::Blocked(code) = row.cell(kind).eligibility {
                    assert!(!decision_time.contains(&code), "{:?}/{kind:?} uses {code:?}", row.status);
                }
            }
        }
    }
}
