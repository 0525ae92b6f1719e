//! What a decision depends on: a task snapshot reduced to the facts the rules
//! read. `decision::evaluate` reads a task only through these, so two tasks
//! with equal `RuleInputs` get equal decisions apart from their ids, which
//! lets the wasm fast path reuse one decision for many tasks.

use crate::backend::BackendVerdict;
use crate::description::code_part;
use crate::input::StopTask;
use crate::kind::TaskKind;
use crate::status::Status;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RuleInputs {
    /// The kind, or the `db_use_type` as sent (without an SDK description)
    /// when this version does not know it.
    pub kind: Result<TaskKind, String>,
    /// The normalised status.
    pub status: Status,
    /// The status as sent, kept only when it is what the user is shown
    /// (the kind or the status is unknown, so there is no console label).
    pub raw_status: Option<String>,
    /// `engine_type` is PostgreSQL (case-insensitively).
    pub postgresql: bool,
    /// `task_type` is `FULL_TRANS` (its first word, as SDKs send
    /// `"FULL_TRANS 全量"`): the task has no incremental phase.
    pub full_only: bool,
    pub network_abnormal: bool,
    pub configuration_failed: bool,
    pub is_parent: bool,
    pub multi_write: bool,
    /// What the backend's `job_action` says.
    pub backend: BackendVerdict,
}

impl RuleInputs {
    pub fn of(task: &StopTask) -> RuleInputs {
        let kind =
            TaskKind::from_db_use_type(&task.db_use_type).ok_or_else(|| code_part(&task.db_use_type).to_string());
        let status = Status::parse(&task.status);
        let labelled = kind.is_ok() && matches!(status, Status::Known(_));
        RuleInputs {
            raw_status: (!labelled).then(|| task.status.clone()),
            kind,
            status,
            postgresql: text_is(&task.engine_type, "postgresql"),
            full_only: first_word_is(&task.task_type, "FULL_TRANS"),
            network_abnormal: task.network_abnormal,
            configuration_failed: task.configuration_failed,
            is_parent: task.is_parent,
            multi_write: task.multi_write,
            backend: task.backend,
        }
    }

    /// The known kind, if any.
    pub fn known_kind(&self) -> Option<TaskKind> {
        self.kind.as_ref().ok().copied()
    }

    /// The batch API takes a parent task (to stop or delete it) only for
    /// dual-active DR (`cloudDataGuard` with `multi_write`).
    pub fn parent_refused(&self, kind: TaskKind) -> bool {
        self.is_parent && !(kind == TaskKind::DisasterRecovery && self.multi_write)
    }

    /// `db_use_type` as the decision reports it (the API's spelling).
    pub fn db_use_type(&self) -> &str {
        match &self.kind {
            Ok(kind) => kind.as_str(),
            Err(raw) => raw,
        }
    }
}

/// `engine_type` and `task_type` compare case-insensitively.
fn text_is(value: &Option<String>, expected: &str) -> bool {
    value.as_deref().is_some_and(|text| text.trim().eq_ignore_ascii_case(expected))
}

/// The first word of a text field, case-insensitively (`"FULL_TRANS 全量"`):
/// the trimmed text starts with `expected` (ASCII), and the word ends there.
fn first_word_is(value: &Option<String>, expected: &str) -> bool {
    let text = value.as_deref().map_or("", str::trim);
    text.split_at_checked(expected.len()).is_some_and(|(head, rest)| {
        head.eq_ignore_ascii_case(expected) && rest.chars().next().is_none_or(char::is_whitespace)
    })
}
