//! One stop decision: whether Stop is enabled for a task, which modes are
//! available, which is preselected, and everything the user is told.

use std::borrow::Cow;

use serde::Serialize;

use crate::action::Action;
use crate::backend::BackendReport;
use crate::codes::{AbnormalReason, Advice, BlockCode, Consequence, FollowUp};
use crate::delete::delete_eligibility;
use crate::guidance::{self, StopMode};
use crate::input::StopTask;
use crate::kind::TaskKind;
use crate::labels::label_for;
use crate::messages::{advice_message, block_message, consequence_message, follow_up_message, Refusal};
use crate::options::EvaluateOptions;
use crate::rule_inputs::RuleInputs;
use crate::serialize_fields::serialize_fields;
use crate::status::{Status, StatusCode};
use crate::table::{row_for, Eligibility};

/// A code with the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice<C> {
    pub code: C,
    /// Borrowed for every fixed sentence; owned where the message names
    /// something from the input (the policy of `NO_PERMISSION`).
    pub message: Cow<'static, str>,
}

/// A notice of any code family as it is serialized: one serializer for all
/// four families, where a derive would make one each (the wasm's size).
struct NoticeText<'a> {
    code: &'static str,
    message: &'a str,
}

serialize_fields!(NoticeText<'a> { code, message });

impl<C: Copy + Into<&'static str>> Serialize for Notice<C> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        NoticeText { code: self.code.into(), message: &self.message }.serialize(serializer)
    }
}

impl<C> Notice<C> {
    /// A notice with a fixed sentence.
    pub fn fixed(code: C, message: &'static str) -> Notice<C> {
        Notice { code, message: Cow::Borrowed(message) }
    }
}

/// Whether the task may be deleted (contract section 8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteOption {
    pub available: bool,
    /// Why Delete is refused; `null` when it is available.
    pub blocked: Option<Notice<BlockCode>>,
}

serialize_fields!(DeleteOption { available, blocked });

/// One stop mode of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeOption {
    pub available: bool,
    /// v3 `delete_type`: `terminate` or `force_terminate`.
    pub delete_type: &'static str,
    /// v5 `is_force_stop`.
    pub is_force_stop: bool,
    /// Why this mode is not available; `null` when it is.
    pub blocked: Option<Notice<BlockCode>>,
    pub consequences: Vec<Notice<Consequence>>,
    pub follow_ups: Vec<Notice<FollowUp>>,
}

serialize_fields!(ModeOption { available, delete_type, is_force_stop, blocked, consequences, follow_ups });

/// Both stop modes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modes {
    pub normal: ModeOption,
    pub force: ModeOption,
}

serialize_fields!(Modes { normal, force });

impl Modes {
    pub fn get(&self, mode: StopMode) -> &ModeOption {
        match mode {
            StopMode::Normal => &self.normal,
            StopMode::Force => &self.force,
        }
    }
}

/// The decision for one task (contract section 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopDecision {
    pub id: Option<String>,
    /// The parent's id, for a subtask decided with `children: true`; otherwise `null`.
    pub parent_id: Option<String>,
    pub db_use_type: String,
    /// The normalised status code.
    pub status: String,
    pub status_label: String,
    pub stoppable: bool,
    pub blocked: Option<Notice<BlockCode>>,
    pub abnormal: bool,
    pub abnormal_reasons: Vec<AbnormalReason>,
    pub preselected_mode: Option<StopMode>,
    pub modes: Modes,
    pub advice: Vec<Notice<Advice>>,
    /// The row's other button.
    pub delete: DeleteOption,
    /// What the backend's own `job_action` says, and whether it agrees with the rules.
    pub backend: BackendReport,
}

serialize_fields!(StopDecision {
    id,
    parent_id,
    db_use_type,
    status,
    status_label,
    stoppable,
    blocked,
    abnormal,
    abnormal_reasons,
    preselected_mode,
    modes,
    advice,
    delete,
    backend,
});

/// Why Stop is enabled for a task: its kind, status and whether the status
/// row asks for a forced stop.
struct Stoppable {
    kind: TaskKind,
    status: StatusCode,
    failed_status: bool,
}

/// Stop eligibility, in the contract's order: the first rule that refuses wins.
fn stop_eligibility(task: &RuleInputs) -> Result<Stoppable, BlockCode> {
    // 1. Fail safe on anything this version does not know.
    let kind = task.known_kind().ok_or(BlockCode::UnknownKind)?;
    let Status::Known(status) = task.status else {
        return Err(BlockCode::UnknownStatus);
    };
    // 2. The status row.
    let row = row_for(status).ok_or(BlockCode::UnknownStatus)?;
    let failed_status = match row.cell(kind).eligibility {
        Eligibility::Blocked(code) => return Err(code),
        Eligibility::Normal => false,
        Eligibility::Force => true,
    };
    // 3. A configuration attempt that failed.
    if status == StatusCode::Configuration && task.configuration_failed {
        return Err(BlockCode::ConfigurationFailed);
    }
    // 4. The stop API takes a parent task only for dual-active DR.
    if task.parent_refused(kind) {
        return Err(BlockCode::ParentTask);
    }
    Ok(Stoppable { kind, status, failed_status })
}

/// Evaluates one task. Total: every task gets a decision.
pub fn evaluate(task: &StopTask, options: &EvaluateOptions) -> StopDecision {
    decide(&RuleInputs::of(task), task.id.clone(), options)
}

/// Decisions for a list in order; with `options.children`, each task is
/// followed by its subtasks (depth-first), each with `parent_id` set.
pub fn evaluate_list(tasks: &[StopTask], options: &EvaluateOptions) -> Vec<StopDecision> {
    if !options.children {
        return tasks.iter().map(|task| evaluate(task, options)).collect();
    }
    let mut out = Vec::with_capacity(tasks.len());
    for task in tasks {
        push_tree(task, None, options, &mut out);
    }
    out
}

fn push_tree(task: &StopTask, parent_id: Option<&str>, options: &EvaluateOptions, out: &mut Vec<StopDecision>) {
    let mut decision = evaluate(task, options);
    decision.parent_id = parent_id.map(str::to_string);
    out.push(decision);
    for child in &task.children {
        push_tree(child, task.id.as_deref(), options, out);
    }
}

/// The decision for a task with these inputs and id.
pub fn decide(inputs: &RuleInputs, id: Option<String>, options: &EvaluateOptions) -> StopDecision {
    let lang = options.lang;
    let kind = inputs.known_kind();
    let refusal = |action| Refusal { action, kind, policy: &options.policy, lang };
    // What the rules decide on their own: the status rules first (an already
    // stopped task says so to everyone), then the policy...
    let rules_stop = stop_eligibility(inputs).and_then(|stoppable| match options.policy.allows_stop() {
        true => Ok(stoppable),
        false => Err(BlockCode::NoPermission),
    });
    let rules_delete = delete_eligibility(inputs, &options.policy);
    let backend = BackendReport::compare(inputs.backend, rules_stop.is_ok(), rules_delete.is_ok());
    // ...then the backend: never offer what it withholds. When both refuse, the rules' code stands.
    let stop = rules_stop.and_then(|stoppable| match inputs.backend.stop {
        Some(false) => Err(BlockCode::BackendRefused),
        _ => Ok(stoppable),
    });
    let delete = rules_delete.and(match inputs.backend.delete {
        Some(false) => Err(BlockCode::BackendRefused),
        _ => Ok(()),
    });
    let head = DecisionHead {
        id,
        db_use_type: inputs.db_use_type().to_string(),
        status: inputs.status.as_str().to_string(),
        status_label: label_for(kind, &inputs.status, inputs.raw_status.as_deref().unwrap_or_default(), lang),
        delete: match delete {
            Ok(()) => DeleteOption { available: true, blocked: None },
            Err(code) => DeleteOption {
                available: false,
                blocked: Some(Notice { code, message: block_message(code, refusal(Action::Delete)) }),
            },
        },
        backend,
    };
    match stop {
        Ok(stoppable) => stoppable_decision(head, inputs, stoppable, options),
        Err(code) => blocked_decision(head, Notice { code, message: block_message(code, refusal(Action::Stop)) }),
    }
}

/// The fields every decision starts with.
struct DecisionHead {
    id: Option<String>,
    db_use_type: String,
    status: String,
    status_label: String,
    delete: DeleteOption,
    backend: BackendReport,
}

fn blocked_decision(head: DecisionHead, blocked: Notice<BlockCode>) -> StopDecision {
    let unavailable = |mode: StopMode| ModeOption {
        available: false,
        delete_type: mode.delete_type(),
        is_force_stop: mode.is_force_stop(),
        blocked: Some(blocked.clone()),
        consequences: Vec::new(),
        follow_ups: Vec::new(),
    };
    StopDecision {
        id: head.id,
        parent_id: None,
        db_use_type: head.db_use_type,
        status: head.status,
        status_label: head.status_label,
        stoppable: false,
        modes: Modes { normal: unavailable(StopMode::Normal), force: unavailable(StopMode::Force) },
        blocked: Some(blocked),
        abnormal: false,
        abnormal_reasons: Vec::new(),
        preselected_mode: None,
        advice: Vec::new(),
        delete: head.delete,
        backend: head.backend,
    }
}

fn stoppable_decision(
    head: DecisionHead,
    task: &RuleInputs,
    stoppable: Stoppable,
    options: &EvaluateOptions,
) -> StopDecision {
    let Stoppable { kind, status, failed_status } = stoppable;
    let lang = options.lang;
    let refusal = Refusal { action: Action::Stop, kind: Some(kind), policy: &options.policy, lang };
    let mut abnormal_reasons = Vec::new();
    if failed_status {
        abnormal_reasons.push(AbnormalReason::FailedStatus);
    }
    if task.network_abnormal {
        abnormal_reasons.push(AbnormalReason::NetworkAbnormal);
    }
    let abnormal = !abnormal_reasons.is_empty();

    let mode_option = |mode: StopMode, blocked: Option<BlockCode>| ModeOption {
        available: blocked.is_none(),
        delete_type: mode.delete_type(),
        is_force_stop: mode.is_force_stop(),
        blocked: blocked.map(|code| Notice { code, message: block_message(code, refusal) }),
        consequences: notices(guidance::consequences(kind, mode), |code| consequence_message(code, kind, lang)),
        follow_ups: notices(guidance::follow_ups(task, kind, mode), |code| follow_up_message(code, lang)),
    };
    // The backend refuses a normal stop of an abnormal task; a forced stop is always possible.
    let normal_blocked = abnormal.then_some(BlockCode::TaskAbnormal);
    StopDecision {
        id: head.id,
        parent_id: None,
        db_use_type: head.db_use_type,
        status: head.status,
        status_label: head.status_label,
        stoppable: true,
        blocked: None,
        abnormal,
        abnormal_reasons,
        preselected_mode: Some(if abnormal { StopMode::Force } else { StopMode::Normal }),
        modes: Modes {
            normal: mode_option(StopMode::Normal, normal_blocked),
            force: mode_option(StopMode::Force, None),
        },
        advice: notices(&guidance::advice(kind, status, abnormal), |code| advice_message(code, kind, lang)),
        delete: head.delete,
        backend: head.backend,
    }
}

/// Notices with fixed sentences for a list of codes.
fn notices<C: Copy>(codes: &[C], message: impl Fn(C) -> &'static str) -> Vec<Notice<C>> {
    codes.iter().map(|&code| Notice::fixed(code, message(code))).collect()
}
