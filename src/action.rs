//! The two buttons of a task row: both go through the same DRS batch API
//! (`DELETE /v3/{project_id}/jobs/batch-jobs`), with different `delete_type`s.

/// What the user asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Stop (`terminate` or `force_terminate`).
    Stop,
    /// Delete (`delete`).
    Delete,
}
