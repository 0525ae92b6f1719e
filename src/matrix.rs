//! The eligibility matrix as data, generated from the table, for
//! documentation (`drs-stop-rules table`), consoles and tests.

use std::fmt::Write as _;

use serde::Serialize;

use crate::codes::BlockCode;
use crate::delete::delete_status_rule;
use crate::guidance::StopMode;
use crate::kind::TaskKind;
use crate::labels::known_label;
use crate::lang::Lang;
use crate::policy::Policy;
use crate::status::StatusCode;
use crate::table::{Cell, Eligibility, STOP_TABLE};
use crate::version::rules_version;

/// One cell: a status for one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    pub label: &'static str,
    pub stoppable: bool,
    /// The mode the status calls for when the network is fine; `null` when blocked.
    pub mode: Option<StopMode>,
    pub blocked: Option<BlockCode>,
    /// The DRS documentation does not state this cell; it is a decision of these rules.
    pub inferred: bool,
}

/// Whether a status allows Delete (the same for every kind; a parent task
/// or the user's policy can still refuse it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixDelete {
    pub deletable: bool,
    /// `STOP_FIRST` or `DELETED`; `null` when deletable.
    pub blocked: Option<BlockCode>,
}

/// One row: a status for every kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    pub status: StatusCode,
    pub migration: MatrixCell,
    pub sync: MatrixCell,
    #[serde(rename = "cloudDataGuard")]
    pub cloud_data_guard: MatrixCell,
    pub delete: MatrixDelete,
}

/// What one DRS system policy allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixPolicy {
    pub policy: Policy,
    pub stop: bool,
    pub delete: bool,
}

/// The whole matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopMatrix {
    pub rules_version: String,
    pub lang: Lang,
    pub rows: Vec<MatrixRow>,
    /// Every known policy (any other name allows nothing).
    pub policies: Vec<MatrixPolicy>,
}

/// The eligibility matrix, with labels in `lang`.
pub fn stop_matrix(lang: Lang) -> StopMatrix {
    let cell = |status: StatusCode, kind: TaskKind, cell: Cell| {
        let (mode, blocked) = match cell.eligibility {
            Eligibility::Normal => (Some(StopMode::Normal), None),
            Eligibility::Force => (Some(StopMode::Force), None),
            Eligibility::Blocked(code) => (None, Some(code)),
        };
        MatrixCell {
            label: known_label(kind, status, lang),
            stoppable: mode.is_some(),
            mode,
            blocked,
            inferred: cell.inferred,
        }
    };
    let rows = STOP_TABLE
        .iter()
        .map(|row| MatrixRow {
            status: row.status,
            migration: cell(row.status, TaskKind::Migration, row.migration),
            sync: cell(row.status, TaskKind::Sync, row.sync),
            cloud_data_guard: cell(row.status, TaskKind::DisasterRecovery, row.disaster_recovery),
            delete: match delete_status_rule(row.status) {
                Ok(()) => MatrixDelete { deletable: true, blocked: None },
                Err(code) => MatrixDelete { deletable: false, blocked: Some(code) },
            },
        })
        .collect();
    let policies = Policy::KNOWN
        .iter()
        .map(|policy| MatrixPolicy {
            stop: policy.allows_stop(),
            delete: policy.allows_delete(),
            policy: policy.clone(),
        })
        .collect();
    StopMatrix { rules_version: rules_version(), lang, rows, policies }
}

impl StopMatrix {
    /// The matrix as Markdown, as the README shows it: the status table
    /// (Stop per kind, Delete), then the policy table.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| status code | migration | sync | cloudDataGuard (DR) | delete (every kind) |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for row in &self.rows {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                row.status.as_str(),
                cell_text(&row.migration),
                cell_text(&row.sync),
                cell_text(&row.cloud_data_guard),
                match row.delete.blocked {
                    None => "yes".to_string(),
                    Some(code) => format!("blocked `{code}`"),
                }
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "| policy | stop | delete |");
        let _ = writeln!(out, "|---|---|---|");
        let yes_no = |allowed: bool| if allowed { "yes" } else { "no, `NO_PERMISSION`" };
        for policy in &self.policies {
            let _ = writeln!(out, "| `{}` | {} | {} |", policy.policy, yes_no(policy.stop), yes_no(policy.delete));
        }
        let _ = writeln!(out, "| any other name | no, `NO_PERMISSION` | no, `NO_PERMISSION` |");
        out
    }
}

fn cell_text(cell: &MatrixCell) -> String {
    let rule = match (cell.mode, cell.blocked) {
        (Some(StopMode::Normal), _) => "yes, normal".to_string(),
        (Some(StopMode::Force), _) => "yes, force".to_string(),
        (None, Some(code)) => format!("blocked `{code}`"),
        (None, None) => "blocked".to_string(),
    };
    let inferred = if cell.inferred { " *(inferred)*" } else { "" };
    format!("{rule}{inferred}<br>{}", cell.label)
}
