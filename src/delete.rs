//! Delete eligibility (contract section 8): the row's other button. The
//! batch API deletes a task only once nothing runs for it any more.

use crate::codes::BlockCode;
use crate::policy::Policy;
use crate::rule_inputs::RuleInputs;
use crate::status::{Status, StatusCode};

/// The statuses the API deletes in: creation failed, or stopped (fact sheet A15).
pub const DELETABLE_STATUSES: [StatusCode; 3] =
    [StatusCode::CreateFailed, StatusCode::ReleaseResourceComplete, StatusCode::ReleaseChildTransferComplete];

/// What a status alone says about Delete: allowed, `DELETED`, or `STOP_FIRST`.
pub fn delete_status_rule(status: StatusCode) -> Result<(), BlockCode> {
    if status == StatusCode::Deleted {
        Err(BlockCode::Deleted)
    } else if DELETABLE_STATUSES.contains(&status) {
        Ok(())
    } else {
        Err(BlockCode::StopFirst)
    }
}

/// Delete eligibility, in the contract's order: the first rule that refuses wins.
pub fn delete_eligibility(task: &RuleInputs, policy: &Policy) -> Result<(), BlockCode> {
    // 1. Fail safe on anything this version does not know.
    let kind = task.known_kind().ok_or(BlockCode::UnknownKind)?;
    let Status::Known(status) = task.status else {
        return Err(BlockCode::UnknownStatus);
    };
    // 2-3. Already deleted; still running (or stopping): stop it first.
    delete_status_rule(status)?;
    // 4. The batch API takes a parent task only for dual-active DR.
    if task.parent_refused(kind) {
        return Err(BlockCode::ParentTask);
    }
    // 5. Who may press the button.
    if !policy.allows_delete() {
        return Err(BlockCode::NoPermission);
    }
    Ok(())
}
