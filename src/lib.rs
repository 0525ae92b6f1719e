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
//! ```
//!
//! Every refusal carries a stable code and a message; malformed input is an
//! [`InputError`] with the path of the offending field, never a panic.

mod codes;
mod decision;
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
mod plan;
mod rule_inputs;
mod status;
mod table;
mod version;

/// The WebAssembly binding (wasm32 only): JS values in, JS values out.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use codes::{AbnormalReason, Advice, BlockCode, Consequence, FollowUp};
pub use decision::{ModeOption, Modes, Notice, StopDecision};
pub use error::InputError;
pub use guidance::StopMode;
pub use input::{ApiVersion, ForceChoice, InputValue, PlanRequest, Shape, StopTask};
pub use json_api::{evaluate_json, matrix_json, plan_json};
pub use kind::TaskKind;
pub use labels::status_label;
pub use lang::Lang;
pub use matrix::{MatrixCell, MatrixRow, StopMatrix};
pub use plan::{AcceptedTask, Endpoint, RejectedTask, RequestJob, StopPlan, StopRequest};
pub use rule_inputs::RuleInputs;
pub use status::{Status, StatusCode, STATUS_ALIASES};
pub use table::{Cell, Eligibility, Row, STOP_TABLE};
pub use version::rules_version;

/// Decides whether `task` may be stopped, and how. Total: every task gets a decision.
pub fn evaluate_stop(task: &StopTask, lang: Lang) -> StopDecision {
    decision::evaluate(task, lang)
}

/// Decisions for many tasks, in order.
pub fn evaluate_stops(tasks: &[StopTask], lang: Lang) -> Vec<StopDecision> {
    tasks.iter().map(|task| decision::evaluate(task, lang)).collect()
}

/// Plans a batch stop: the API request and, per task, accepted or rejected.
pub fn plan_stop(request: &PlanRequest) -> StopPlan {
    plan::plan_stop(request)
}

/// The eligibility matrix, generated from the table.
pub fn stop_matrix(lang: Lang) -> StopMatrix {
    matrix::stop_matrix(lang)
}

impl StopTask {
    /// Reads a task from a JSON value (as in an API response); unknown fields are ignored.
    pub fn from_json(value: &serde_json::Value) -> Result<StopTask, InputError> {
        input::read_task(&value, "", input::IdRule::Optional)
    }
}

impl PlanRequest {
    /// Reads a plan request from a JSON value.
    pub fn from_json(value: &serde_json::Value) -> Result<PlanRequest, InputError> {
        input::read_plan_request(&value)
    }
}
