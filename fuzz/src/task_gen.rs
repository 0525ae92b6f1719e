//! Structured inputs for `evaluate_structured`: tasks built from the
//! contract's field names and mostly meaningful values (every known kind and
//! status, the aliases, decorated spellings, each flag), with arbitrary text
//! mixed in. Each task has two forms: the typed `StopTask` and the JSON
//! object an API would send, which must read back to the same task.

use arbitrary::Arbitrary;
use drs_stop_rules::{ApiVersion, ForceChoice, Lang, StatusCode, StopTask, STATUS_ALIASES};
use serde_json::{json, Map, Value};

#[derive(Arbitrary, Debug)]
pub enum KindText {
    Migration,
    Sync,
    CloudDataGuard,
    Other(String),
}

impl KindText {
    fn text(&self) -> String {
        match self {
            KindText::Migration => "migration".into(),
            KindText::Sync => "sync".into(),
            KindText::CloudDataGuard => "cloudDataGuard".into(),
            KindText::Other(text) => text.clone(),
        }
    }
}

/// A raw status: a known code or alias, possibly in another case, padded
/// and followed by a description, or any text.
#[derive(Arbitrary, Debug)]
pub enum StatusText {
    Known { index: u8, lowercase: bool, padded: bool, description: Option<(bool, String)> },
    Alias { index: u8, lowercase: bool },
    Other(String),
}

impl StatusText {
    /// The raw text, and the code it must normalise to (if it is a decorated known one).
    pub fn text(&self) -> (String, Option<StatusCode>) {
        let case = |text: &str, lower: bool| if lower { text.to_ascii_lowercase() } else { text.to_string() };
        match self {
            StatusText::Known { index, lowercase, padded, description } => {
                let code = StatusCode::ALL[*index as usize % StatusCode::ALL.len()];
                let pad = if *padded { " \t" } else { "" };
                let mut text = format!("{pad}{}{pad}", case(code.as_str(), *lowercase));
                if let Some((full_width, description)) = description {
                    text.push(if *full_width { '：' } else { ':' });
                    text.push_str(description);
                }
                (text, Some(code))
            }
            StatusText::Alias { index, lowercase } => {
                let (alias, code) = STATUS_ALIASES[*index as usize % STATUS_ALIASES.len()];
                (case(alias, *lowercase), Some(code))
            }
            StatusText::Other(text) => (text.clone(), None),
        }
    }
}

#[derive(Arbitrary, Debug)]
pub enum EngineText {
    Mysql,
    Postgresql { upper: bool, padded: bool },
    Other(String),
}

#[derive(Arbitrary, Debug)]
pub enum TaskTypeText {
    FullTrans,
    FullIncrTrans,
    IncrTrans,
    Other(String),
}

#[derive(Arbitrary, Debug)]
pub struct FuzzTask {
    pub id: Option<String>,
    /// JSON form only.
    pub name: Option<String>,
    pub db_use_type: KindText,
    pub status: StatusText,
    pub engine_type: Option<EngineText>,
    pub task_type: Option<TaskTypeText>,
    pub network_abnormal: Option<bool>,
    pub configuration_failed: Option<bool>,
    pub is_parent: Option<bool>,
    pub multi_write: Option<bool>,
    /// Write fields that are not given as `null` instead of leaving them out.
    pub nulls_for_missing: bool,
    /// An unknown field, which readers ignore.
    pub extra: Option<(String, String)>,
}

impl FuzzTask {
    pub fn to_task(&self) -> StopTask {
        StopTask {
            id: self.id.clone(),
            db_use_type: self.db_use_type.text(),
            status: self.status.text().0,
            engine_type: self.engine_type.as_ref().map(|engine| match engine {
                EngineText::Mysql => "mysql".to_string(),
                EngineText::Postgresql { upper, padded } => {
                    let name = if *upper { "POSTGRESQL" } else { "postgresql" };
                    if *padded {
                        format!(" {name} ")
                    } else {
                        name.to_string()
                    }
                }
                EngineText::Other(text) => text.clone(),
            }),
            task_type: self.task_type.as_ref().map(|task_type| match task_type {
                TaskTypeText::FullTrans => "FULL_TRANS".to_string(),
                TaskTypeText::FullIncrTrans => "FULL_INCR_TRANS".to_string(),
                TaskTypeText::IncrTrans => "INCR_TRANS".to_string(),
                TaskTypeText::Other(text) => text.clone(),
            }),
            network_abnormal: self.network_abnormal.unwrap_or(false),
            configuration_failed: self.configuration_failed.unwrap_or(false),
            is_parent: self.is_parent.unwrap_or(false),
            multi_write: self.multi_write.unwrap_or(false),
            ..StopTask::default()
        }
    }

    /// The JSON object an API would send for this task.
    pub fn to_json(&self) -> Value {
        let task = self.to_task();
        let mut object = Map::new();
        if let Some((key, value)) = &self.extra {
            // Prefixed so it can never shadow a contract field.
            object.insert(format!("x-{key}"), Value::String(value.clone()));
        }
        let mut put = |key: &str, value: Option<Value>| match value {
            Some(value) => {
                object.insert(key.to_string(), value);
            }
            None if self.nulls_for_missing => {
                object.insert(key.to_string(), Value::Null);
            }
            None => {}
        };
        put("id", task.id.map(Value::String));
        // Only checked to be a string by the reader; the typed task has no name.
        put("name", self.name.clone().map(Value::String));
        put("db_use_type", Some(Value::String(task.db_use_type)));
        put("status", Some(Value::String(task.status)));
        put("engine_type", task.engine_type.map(Value::String));
        put("task_type", task.task_type.map(Value::String));
        put("network_abnormal", self.network_abnormal.map(Value::Bool));
        put("configuration_failed", self.configuration_failed.map(Value::Bool));
        put("is_parent", self.is_parent.map(Value::Bool));
        put("multi_write", self.multi_write.map(Value::Bool));
        Value::Object(object)
    }
}

/// A batch: the tasks, a language and the plan options.
#[derive(Arbitrary, Debug)]
pub struct FuzzBatch {
    pub tasks: Vec<FuzzTask>,
    pub zh_cn: bool,
    /// 0: absent (auto), 1: "auto", 2: true, 3: false.
    pub force: u8,
    pub v5: bool,
}

impl FuzzBatch {
    /// Keeps one input cheap: the invariants are per task, not about long lists.
    pub const MAX_TASKS: usize = 4;

    pub fn lang(&self) -> Lang {
        if self.zh_cn {
            Lang::ZhCn
        } else {
            Lang::EnUs
        }
    }

    pub fn force(&self) -> ForceChoice {
        match self.force % 4 {
            2 => ForceChoice::Always,
            3 => ForceChoice::Never,
            _ => ForceChoice::Auto,
        }
    }

    pub fn api(&self) -> ApiVersion {
        if self.v5 {
            ApiVersion::V5
        } else {
            ApiVersion::V3
        }
    }

    /// The plan request as JSON; tasks without an id get one from their
    /// position, since a plan requires ids.
    pub fn plan_json(&self) -> Value {
        let tasks: Vec<Value> = self
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| {
                let mut json = task.to_json();
                if task.id.is_none() {
                    json["id"] = Value::String(format!("task-{i}"));
                }
                json
            })
            .collect();
        let mut request =
            json!({ "tasks": tasks, "api": if self.v5 { "v5" } else { "v3" }, "lang": self.lang().as_str() });
        match self.force % 4 {
            1 => request["force"] = json!("auto"),
            2 => request["force"] = json!(true),
            3 => request["force"] = json!(false),
            _ => {}
        }
        request
    }
}
