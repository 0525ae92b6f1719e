//! The answer space: every input the rules tell apart, enumerated from the
//! crate's own lists, and every answer they give to it (as the JSON entry
//! points serialise it, so a new field of a decision or plan is included
//! without a change here).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use drs_stop_rules::{
    evaluate_json, matrix_json, plan_delete_json, plan_json, AbnormalReason, Advice, BlockCode, Consequence,
    EvaluateOptions, FollowUp, Lang, Policy, Status, StatusCode, TaskKind, STATUS_ALIASES,
};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

pub const REFRESH: &str = "UPDATE_GOLDEN=1 cargo test --test golden";

/// A kind and a status this version does not know (data from a newer backend).
const UNKNOWN_KIND: &str = "subscription";
const UNKNOWN_STATUSES: [&str; 2] = ["WARP_SPEED", ""];

/// The boolean fields of a task, and the text fields with the one value each
/// rule looks for (engine_type PostgreSQL, task_type full-only).
const FLAGS: [&str; 4] = ["network_abnormal", "configuration_failed", "is_parent", "multi_write"];
const TEXT_FLAGS: [(&str, &str); 2] = [("engine_type", "postgresql"), ("task_type", "FULL_TRANS")];

fn kinds() -> Vec<&'static str> {
    TaskKind::ALL.iter().map(|kind| kind.as_str()).chain([UNKNOWN_KIND]).collect()
}

/// Every known code, every alias, and unknown statuses.
fn statuses() -> Vec<&'static str> {
    let codes = StatusCode::ALL.iter().map(|code| code.as_str());
    codes.chain(STATUS_ALIASES.iter().map(|(alias, _)| *alias)).chain(UNKNOWN_STATUSES).collect()
}

/// The canonical codes and the unknown statuses (aliases answer like their code).
fn shown_statuses() -> Vec<&'static str> {
    StatusCode::ALL.iter().map(|code| code.as_str()).chain(UNKNOWN_STATUSES).collect()
}

/// A task of `kind` and `status` with the flags of the bits of `flags` set.
fn task(kind: &str, status: &str, flags: u32) -> Value {
    let mut task = Map::new();
    task.insert("db_use_type".into(), kind.into());
    task.insert("status".into(), status.into());
    for (bit, name) in FLAGS.iter().enumerate() {
        if flags & (1 << bit) != 0 {
            task.insert((*name).into(), true.into());
        }
    }
    for (bit, (name, value)) in TEXT_FLAGS.iter().enumerate() {
        if flags & (1 << (FLAGS.len() + bit)) != 0 {
            task.insert((*name).into(), (*value).into());
        }
    }
    Value::Object(task)
}

const FLAG_COMBINATIONS: u32 = 1 << (FLAGS.len() + TEXT_FLAGS.len());

/// The flags a policy's answer can depend on besides the status: the network
/// (a refused stop ignores it) and parents (refused before the policy).
const POLICY_FLAGS: [u32; 8] = [0, 1, 4, 5, 8, 9, 12, 13];

/// A policy name this version does not know: it allows nothing.
const UNKNOWN_POLICY: &str = "Guest";

/// Every policy but the default, and an unknown one.
fn other_policies() -> Vec<Policy> {
    Policy::KNOWN
        .into_iter()
        .filter(|policy| *policy != Policy::default())
        .chain([Policy::from_name(UNKNOWN_POLICY)])
        .collect()
}

fn evaluate(task: &Value, options: impl Into<EvaluateOptions>) -> String {
    evaluate_json(&task.to_string(), options).expect("an enumerated task is valid input")
}

fn plan(request: &Value) -> String {
    plan_json(&request.to_string()).expect("an enumerated plan request is valid input")
}

fn delete_plan(request: &Value) -> String {
    plan_delete_json(&request.to_string()).expect("an enumerated delete plan request is valid input")
}

/// `job_action` lists: the stop (FREE_RESOURCE) and delete (DELETE)
/// verdicts each absent, available and unavailable.
const JOB_ACTIONS: [(&[&str], &[&str]); 9] = [
    (&[], &[]),
    (&["FREE_RESOURCE"], &[]),
    (&[], &["FREE_RESOURCE"]),
    (&["DELETE"], &[]),
    (&[], &["DELETE"]),
    (&["FREE_RESOURCE", "DELETE"], &[]),
    (&[], &["FREE_RESOURCE", "DELETE"]),
    (&["FREE_RESOURCE"], &["DELETE"]),
    (&["DELETE"], &["FREE_RESOURCE"]),
];

/// A task of `kind` and `status` in the shapes real list items have.
fn list_shapes(kind: &str, status: &str) -> Vec<Value> {
    let v5 = |extra: Value| {
        let mut item = json!({ "job_type": kind, "status": status });
        if let (Some(item), Value::Object(extra)) = (item.as_object_mut(), extra) {
            item.extend(extra);
        }
        item
    };
    vec![
        json!({ "db_use_type": format!("{kind}:描述"), "status": status, "engine_type": "postgresql", "task_type": "FULL_TRANS 全量" }),
        v5(json!({})),
        v5(json!({ "job_mode_role": "parent" })),
        v5(json!({ "job_mode_role": "parent", "multi_write": true })),
        v5(json!({ "children": [{ "id": "child" }] })),
    ]
}

/// Every answer, deduplicated: each input keeps the index of its answer.
#[derive(Clone, Default)]
pub struct AnswerSpace {
    /// Each distinct answer (JSON text), in order of first appearance.
    distinct: Vec<String>,
    index: HashMap<String, u32>,
    /// Per section, the answer index of every input, in enumeration order.
    sections: Vec<(&'static str, Vec<u32>)>,
    /// Per language: (code, message) -> who says it (kinds, or `plan`).
    messages: BTreeMap<&'static str, BTreeMap<(String, String), BTreeSet<String>>>,
}

impl AnswerSpace {
    pub fn compute() -> AnswerSpace {
        let mut space = AnswerSpace::default();
        for lang in Lang::ALL {
            let mut decisions = Vec::new();
            for kind in kinds() {
                for status in statuses() {
                    for flags in 0..FLAG_COMBINATIONS {
                        decisions.push(space.answer(lang, evaluate(&task(kind, status, flags), lang)));
                    }
                }
            }
            space.sections.push(("decisions", decisions));

            let mut plans = Vec::new();
            for force in [json!("auto"), json!(true), json!(false)] {
                for api in ["v3", "v5"] {
                    let request = json!({ "tasks": plan_tasks(), "force": force, "api": api, "lang": lang.as_str() });
                    plans.push(space.answer(lang, plan(&request)));
                }
            }
            space.sections.push(("plans", plans));

            let mut policy_decisions = Vec::new();
            let mut policy_plans = Vec::new();
            for policy in other_policies() {
                let options = EvaluateOptions::new(lang).with_policy(policy.clone());
                for kind in kinds() {
                    for status in statuses() {
                        for flags in POLICY_FLAGS {
                            let answer = evaluate(&task(kind, status, flags), &options);
                            policy_decisions.push(space.answer(lang, answer));
                        }
                    }
                }
                for force in [json!("auto"), json!(false)] {
                    let request = json!({ "tasks": plan_tasks(), "force": force, "lang": lang.as_str(), "policy": policy.as_str() });
                    policy_plans.push(space.answer(lang, plan(&request)));
                }
            }
            space.sections.push(("policy decisions", policy_decisions));
            space.sections.push(("policy plans", policy_plans));

            let mut delete_plans = Vec::new();
            for policy in std::iter::once(Policy::default()).chain(other_policies()) {
                let request = json!({ "tasks": plan_tasks(), "lang": lang.as_str(), "policy": policy.as_str() });
                delete_plans.push(space.answer(lang, delete_plan(&request)));
            }
            space.sections.push(("delete plans", delete_plans));

            // Real list items (contract section 10): the backend's verdicts on
            // every kind x status, kinds and task types with SDK descriptions,
            // parents by children or job_mode_role, nested children.
            let mut list_items = Vec::new();
            for kind in kinds() {
                for status in shown_statuses() {
                    for (available, unavailable) in JOB_ACTIONS {
                        let mut item = task(kind, status, 0);
                        item["job_action"] =
                            json!({ "available_actions": available, "unavailable_actions": unavailable });
                        list_items.push(space.answer(lang, evaluate(&item, lang)));
                    }
                    for item in list_shapes(kind, status) {
                        list_items.push(space.answer(lang, evaluate(&item, lang)));
                    }
                }
            }
            let tree = json!(kinds().iter().map(|kind| json!({
                "id": format!("{kind}-parent"), "job_type": kind, "status": "INCRE_TRANSFER_STARTED",
                "children": [{ "id": format!("{kind}-child"), "db_use_type": kind, "status": "INCRE_TRANSFER_FAILED" }],
            })).collect::<Vec<_>>());
            let options = EvaluateOptions::new(lang).with_children(true);
            list_items.push(space.answer(lang, evaluate_json(&tree.to_string(), options).expect("a valid tree")));
            space.sections.push(("list items", list_items));

            // The matrix carries rules_version itself: hash it without.
            let mut matrix: Value = serde_json::from_str(&matrix_json(lang)).expect("the matrix is JSON");
            matrix.as_object_mut().expect("an object").remove("rules_version");
            let matrix = space.answer(lang, matrix.to_string());
            space.sections.push(("matrix", vec![matrix]));
        }
        let normalised = space.answer(Lang::EnUs, space_statuses_text());
        space.sections.push(("statuses", vec![normalised]));
        space
    }

    fn answer(&mut self, lang: Lang, answer: String) -> u32 {
        if let Some(index) = self.index.get(&answer) {
            return *index;
        }
        let index = u32::try_from(self.distinct.len()).expect("fewer than 2^32 answers");
        if let Ok(value) = serde_json::from_str::<Value>(&answer) {
            let owner = value.get("db_use_type").and_then(Value::as_str).unwrap_or("plan").to_string();
            collect_messages(&value, &owner, self.messages.entry(lang.as_str()).or_default());
        }
        self.index.insert(answer.clone(), index);
        self.distinct.push(answer);
        index
    }

    /// The first 12 hex digits of SHA-256 over every section's answer
    /// indices and every distinct answer.
    pub fn digest(&self) -> String {
        let mut hash = Sha256::new();
        for (name, indices) in &self.sections {
            hash.update(name.as_bytes());
            hash.update((indices.len() as u64).to_le_bytes());
            for index in indices {
                hash.update(index.to_le_bytes());
            }
        }
        for answer in &self.distinct {
            hash.update((answer.len() as u64).to_le_bytes());
            hash.update(answer.as_bytes());
        }
        hash.finalize().iter().take(6).map(|byte| format!("{byte:02x}")).collect()
    }

    pub fn any_answer_contains(&self, text: &str) -> bool {
        self.distinct.iter().any(|answer| answer.contains(text))
    }

    /// For the digest's own test: one answer's text changes.
    pub fn tamper_with_one_message(&mut self) {
        if let Some(answer) = self.distinct.last_mut() {
            answer.push(' ');
        }
    }

    /// For the digest's own test: two inputs swap their (different) answers.
    pub fn swap_two_answers(&mut self) {
        let (_, indices) = &mut self.sections[0];
        let other = indices.iter().position(|index| *index != indices[0]).expect("two different answers");
        indices.swap(0, other);
    }

    /// `kind STATUS: en-us label | zh-cn label`, per kind and status.
    pub fn labels_snapshot(&self) -> String {
        let mut out = header("The status label users read, per kind and status: en-us | zh-cn.");
        for kind in kinds() {
            for status in shown_statuses() {
                let labels: Vec<String> = Lang::ALL
                    .iter()
                    .map(|lang| {
                        let decision: Value = serde_json::from_str(&evaluate(&task(kind, status, 0), *lang)).unwrap();
                        decision["status_label"].as_str().unwrap_or_default().to_string()
                    })
                    .collect();
                out.push_str(&format!("{kind} {status:?}: {}\n", labels.join(" | ")));
            }
        }
        out
    }

    /// Per language, `CODE [who says it]: message`, for every message of the whole space.
    pub fn messages_snapshots(&self) -> Vec<(&'static str, String)> {
        self.messages
            .iter()
            .map(|(lang, messages)| {
                let mut out = header(&format!(
                    "Every message of every answer ({lang}): code [kinds that say it, or plan]: message."
                ));
                for ((code, message), owners) in messages {
                    let owners: Vec<&str> = owners.iter().map(String::as_str).collect();
                    out.push_str(&format!("{code} [{}]: {message}\n", owners.join(", ")));
                }
                (*lang, out)
            })
            .collect()
    }

    /// The decision for a task with no flags, per kind and status (en-us;
    /// messages and labels are in their own snapshots).
    pub fn decisions_snapshot(&self) -> String {
        let mut out = header("The decision per kind and status, for a task with no flags (codes only).");
        for kind in kinds() {
            for status in shown_statuses() {
                let decision: Value = serde_json::from_str(&evaluate(&task(kind, status, 0), Lang::EnUs)).unwrap();
                out.push_str(&format!("\n## {kind} {status:?}\n"));
                let mut lines = Vec::new();
                flatten(&decision, "", &mut lines);
                for line in lines {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// How raw statuses normalise: every alias and decorated spellings of every code.
    pub fn statuses_snapshot(&self) -> String {
        let mut out = header("How a raw status normalises (aliases, case, padding, descriptions).");
        out.push_str(&space_statuses_text());
        out
    }
}

fn header(what: &str) -> String {
    format!("# {what}\n# Generated by tests/golden; refresh on purpose with: {REFRESH}\n")
}

/// The tasks of every plan: each kind x status plain and with each flag,
/// then one repeated id (DUPLICATE_TASK).
fn plan_tasks() -> Vec<Value> {
    let mut tasks = Vec::new();
    for kind in kinds() {
        for status in statuses() {
            for flags in std::iter::once(0).chain((0..FLAGS.len() + TEXT_FLAGS.len()).map(|bit| 1 << bit)) {
                let mut task = task(kind, status, flags);
                task["id"] = format!("{kind}/{status}/{flags}").into();
                tasks.push(task);
            }
        }
    }
    let mut repeated = tasks[0].clone();
    repeated["network_abnormal"] = true.into();
    tasks.push(repeated);
    tasks
}

/// Every alias and decorated spelling of every code, with what it normalises to.
fn space_statuses_text() -> String {
    let mut out = String::new();
    for (alias, code) in STATUS_ALIASES {
        out.push_str(&format!("alias {alias} -> {}\n", code.as_str()));
    }
    let raw: Vec<String> = StatusCode::ALL
        .iter()
        .map(|code| code.as_str())
        .chain(STATUS_ALIASES.iter().map(|(alias, _)| *alias))
        .chain(UNKNOWN_STATUSES)
        .flat_map(|text| {
            [
                text.to_string(),
                text.to_lowercase(),
                format!("  {text}\t"),
                format!("{text}：描述"),
                format!("{}: description", text.to_lowercase()),
            ]
        })
        .collect();
    for text in raw {
        out.push_str(&format!("{text:?} -> {:?}\n", Status::parse(&text).as_str()));
    }
    out
}

/// Records every `{code, message}` object of an answer.
fn collect_messages(value: &Value, owner: &str, into: &mut BTreeMap<(String, String), BTreeSet<String>>) {
    match value {
        Value::Object(object) => {
            if let (Some(Value::String(code)), Some(Value::String(message))) =
                (object.get("code"), object.get("message"))
            {
                into.entry((code.clone(), message.clone())).or_default().insert(owner.to_string());
            }
            object.values().for_each(|child| collect_messages(child, owner, into));
        }
        Value::Array(items) => items.iter().for_each(|child| collect_messages(child, owner, into)),
        _ => {}
    }
}

/// `path: value` lines; a `{code, message}` object shows as its code, text
/// users read (messages, labels) is left to the other snapshots.
fn flatten(value: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(short) = inline(value) {
        out.push(format!("{path}: {short}"));
        return;
    }
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                if key == "message" || key == "status_label" {
                    continue;
                }
                let here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                flatten(child, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                flatten(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => out.push(format!("{path}: {value}")),
    }
}

/// A value short enough for one line: a scalar, a code object, or a list of those.
fn inline(value: &Value) -> Option<String> {
    match value {
        Value::Object(object) => match (object.get("code"), object.keys().all(|k| k == "code" || k == "message")) {
            (Some(Value::String(code)), true) => Some(code.clone()),
            _ => None,
        },
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items.iter().map(inline).collect();
            parts.map(|parts| format!("[{}]", parts.join(", ")))
        }
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// Every code of every family, from the crate's lists.
pub fn every_code() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = BlockCode::ALL.iter().map(|c| c.as_str()).collect();
    codes.extend(Consequence::ALL.iter().map(|c| c.as_str()));
    codes.extend(Advice::ALL.iter().map(|c| c.as_str()));
    codes.extend(FollowUp::ALL.iter().map(|c| c.as_str()));
    codes.extend(reasons());
    codes
}

pub fn reasons() -> Vec<&'static str> {
    AbnormalReason::ALL.iter().map(|c| c.as_str()).collect()
}

pub fn is_reason(code: &str) -> bool {
    reasons().contains(&code)
}
