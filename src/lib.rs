//! # drs-stop-rules
//!
//! When may a DRS replication task (real-time migration, synchronization or
//! disaster recovery) be stopped, and must the stop be normal (`terminate`)
//! or forced (`force_terminate`)? These rules are written once, here, and
//! run natively (backends, the `drs-stop-rules` CLI) and as WebAssembly in
//! browser consoles (the `drs-stop-rules` npm package).
//!
//! ```
//! use drs_stop_rules::{evaluate_stop, Lang, StopMode, StopTask};
//!
//! let task = StopTask::new("migration", "INCRE_TRANSFER_FAILED");
//! let decision = evaluate_stop(&task, Lang::EnUs);
//! assert!(decision.stoppable);
//! assert_eq!(decision.preselected_mode, Some(StopMode::Force));
//! assert!(!decision.modes.normal.available);
//! // A running task is stopped before it can be deleted.
//! assert_eq!(decision.delete.blocked.map(|b| b.code.as_str()), Some("STOP_FIRST"));
//! ```
//!
//! Every entry point also takes the user's permission policy
//! ([`EvaluateOptions`], [`Policy`]; default `FullAccess`).
//!
//! Every refusal carries a stable code and a message; malformed input is an
//! [`InputError`] with the path of the offending field, never a panic.

mod action;
mod api_item;
mod backend;
mod codes;
mod decision;
mod delete;
mod delete_plan;
mod description;
mod error;
mod guidance;
mod input;
mod json_api;
mod json_value;
mod kind;
mod labels;
mod lang;
mod matrix;
mod messages;
mod options;
mod plan;
mod policy;
mod rule_inputs;
mod serialize_fields;
mod status;
mod table;
mod version;

/// The WebAssembly binding (wasm32 only): JS values in, JS values out.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use action::Action;
pub use api_item::MAX_CHILD_DEPTH;
pub use backend::{job_action, BackendReport, BackendVerdict, JobAction};
pub use codes::{AbnormalReason, Advice, BlockCode, Consequence, FollowUp};
pub use decision::{DeleteOption, ModeOption, Modes, Notice, StopDecision};
pub use delete::DELETABLE_STATUSES;
pub use delete_plan::{AcceptedDelete, DeleteJob, DeletePlan, DeleteRequest};
pub use error::InputError;
pub use guidance::StopMode;
pub use input::{ApiVersion, DeletePlanRequest, ForceChoice, InputValue, PlanRequest, PlanTask, Shape, StopTask};
pub use json_api::{evaluate_json, matrix_json, plan_delete_json, plan_delete_json_with, plan_json, plan_json_with};
pub use kind::TaskKind;
pub use labels::status_label;
pub use lang::Lang;
pub use matrix::{MatrixCell, MatrixDelete, MatrixPolicy, MatrixRow, StopMatrix};
pub use options::EvaluateOptions;
pub use plan::{AcceptedTask, Endpoint, RejectedTask, RequestJob, StopPlan, StopRequest};
pub use policy::Policy;
pub use rule_inputs::RuleInputs;
pub use status::{Status, StatusCode, STATUS_ALIASES};
pub use table::{Cell, Eligibility, Row, STOP_TABLE};
pub use version::rules_version;

/// Decides whether `task` may be stopped, and how, and whether it may be
/// deleted. Total: every task gets a decision. `options` is an
/// [`EvaluateOptions`] (language and policy) or just a [`Lang`].
pub fn evaluate_stop(task: &StopTask, options: impl Into<EvaluateOptions>) -> StopDecision {
    decision::evaluate(task, &options.into())
}

/// Decisions for many tasks, in order. With `options.children` (read the
/// tasks with [`StopTask::from_json_with_children`]), each task's decision is
/// followed by those of its `children`, depth-first, with `parent_id` set.
pub fn evaluate_stops(tasks: &[StopTask], options: impl Into<EvaluateOptions>) -> Vec<StopDecision> {
    decision::evaluate_list(tasks, &options.into())
}

/// Plans a batch stop: the API request and, per task, accepted or rejected.
pub fn plan_stop(request: &PlanRequest) -> StopPlan {
    plan::plan_stop(request)
}

/// Plans a batch delete: the API request and, per task, accepted or rejected.
pub fn plan_delete(request: &DeletePlanRequest) -> DeletePlan {
    delete_plan::plan_delete(request)
}

/// The eligibility matrix, generated from the table.
pub fn stop_matrix(lang: Lang) -> StopMatrix {
    matrix::stop_matrix(lang)
}

impl StopTask {
    /// Reads a task from a JSON value (as in an API response); unknown fields are ignored.
    /// A v3 or v5 list item is read as it comes (`job_type`, `children`,
    /// `job_mode_role`, `job_action`); nested children only make it a parent.
    pub fn from_json(value: &serde_json::Value) -> Result<StopTask, InputError> {
        Ok(input::read_task(&value, "")?)
    }

    /// Reads a task like [`StopTask::from_json`], and every task nested in
    /// its `children` into [`StopTask::children`], for
    /// `evaluate_stops(.., options.with_children(true))`. A child that breaks
    /// the contract is an error at its path (`children[1].db_use_type`).
    pub fn from_json_with_children(value: &serde_json::Value) -> Result<StopTask, InputError> {
        Ok(api_item::read_task_tree(&value, "", &api_item::TaskBudget::default())?)
    }
}

impl PlanRequest {
    /// Reads a stop plan request from a JSON value (`lang` and `policy` default
    /// to `en-us` and `FullAccess`). Every task needs an `id`.
    pub fn from_json(value: &serde_json::Value) -> Result<PlanRequest, InputError> {
        Ok(input::read_plan_request(&value, &EvaluateOptions::default())?)
    }
}

impl DeletePlanRequest {
    /// Reads a delete plan request (`{tasks, lang, policy}`) from a JSON value.
    /// Every task needs an `id`.
    pub fn from_json(value: &serde_json::Value) -> Result<DeletePlanRequest, InputError> {
        Ok(input::read_delete_plan_request(&value, &EvaluateOptions::default())?)
    }
}
