//! Reading the contract's inputs (task snapshots, options, plan requests)
//! from any host representation: `serde_json::Value` natively, JS values in
//! the browser. The reading rules, and so every `INVALID_INPUT` path and
//! message, are written once here, generic over [`InputValue`].

use crate::api_item::{read_job_action, read_kind, read_parent};
use crate::backend::BackendVerdict;
use crate::error::{InputError, ReadResult};
use crate::lang::Lang;
use crate::options::EvaluateOptions;
use crate::policy::Policy;

/// The JSON type of a value, as far as the contract cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `null` (and, in JS, `undefined`).
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
    /// Anything else a host can hold (a JS function, symbol, bigint).
    Other,
}

impl Shape {
    fn describe(self) -> &'static str {
        match self {
            Shape::Null => "null or nothing",
            Shape::Bool => "a boolean",
            Shape::Number => "a number",
            Shape::String => "a string",
            Shape::Array => "an array",
            Shape::Object => "an object",
            Shape::Other => "a value that is not JSON",
        }
    }
}

/// Read access to one input value, whatever the host. Reading may fail (a JS
/// getter or proxy can throw); that failure becomes `INVALID_INPUT` at the
/// field's path rather than an exception escaping through the rules.
// `len` is a fallible read of an array's length, not a collection's size:
// an `is_empty` beside it would have nothing to say.
#[allow(clippy::len_without_is_empty)]
pub trait InputValue: Sized {
    fn shape(&self) -> Shape;
    /// An object's field; `None` (or, for JS, a nullish value) when it is absent.
    fn field(&self, name: &str) -> Result<Option<Self>, String>;
    fn as_string(&self) -> Option<String>;
    fn as_bool(&self) -> Option<bool>;
    /// Whether this is a string, without copying it.
    fn is_string(&self) -> bool {
        self.shape() == Shape::String
    }
    /// An object that is not an array.
    fn is_object(&self) -> bool {
        self.shape() == Shape::Object
    }
    /// `null` (or `undefined`): "not given".
    fn is_nullish(&self) -> bool {
        self.shape() == Shape::Null
    }
    /// An array's length.
    fn len(&self) -> Result<usize, String>;
    /// An array's element.
    fn element(&self, index: usize) -> Result<Self, String>;
}

/// A task snapshot, the input of one decision (contract section 1). A task's
/// `name` is for the UI only: no rule reads it, so it is not kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StopTask {
    pub id: Option<String>,
    pub db_use_type: String,
    pub status: String,
    pub engine_type: Option<String>,
    pub task_type: Option<String>,
    pub network_abnormal: bool,
    pub configuration_failed: bool,
    /// Resolved when read: `is_parent` when given, otherwise a non-empty
    /// `children` or `job_mode_role: "parent"`.
    pub is_parent: bool,
    pub multi_write: bool,
    /// The backend's own verdict, from the item's `job_action`.
    pub backend: BackendVerdict,
    /// Nested subtasks, read only when asked for (`children: true`); otherwise
    /// empty, and a non-empty `children` only makes the task a parent.
    pub children: Vec<StopTask>,
}

impl StopTask {
    /// A task of the given kind and status, with every flag off.
    pub fn new(db_use_type: impl Into<String>, status: impl Into<String>) -> StopTask {
        StopTask { db_use_type: db_use_type.into(), status: status.into(), ..StopTask::default() }
    }
}

/// Joins a parent path and a field name: `tasks[3]` + `status`.
pub fn join(parent: &str, field: &str) -> String {
    let dot = if parent.is_empty() || field.is_empty() { "" } else { "." };
    [parent, dot, field].concat()
}

/// The path of an array element: `tasks` + 3 = `tasks[3]`.
pub fn index(parent: &str, i: usize) -> String {
    [parent, "[", itoa::Buffer::new().format(i), "]"].concat()
}

// Paths and messages are joined from their parts rather than with `format!`:
// the shipped wasm then carries no formatting machinery (issue 8).

/// `expected at most <MAX_TASKS> <what>, found <found>`.
pub(crate) fn too_many(path: &str, what: &str, found: usize) -> Box<InputError> {
    let message =
        ["expected at most ", MAX_TASKS_TEXT, " ", what, ", found ", itoa::Buffer::new().format(found)].concat();
    InputError::new(path, message).into()
}

pub(crate) fn wrong_type(path: &str, expected: &str, found: Shape) -> Box<InputError> {
    expected_found(path, expected, found.describe())
}

/// `expected <expected>, found <found>`.
fn expected_found(path: &str, expected: &str, found: &str) -> Box<InputError> {
    InputError::new(path, ["expected ", expected, ", found ", found].concat()).into()
}

/// [`wrong_type`] for the field `name` of the object at `parent`.
pub(crate) fn wrong_field_type<V: InputValue>(parent: &str, name: &str, expected: &str, value: &V) -> Box<InputError> {
    wrong_type(&join(parent, name), expected, value.shape())
}

/// `expected <expected>, but the field is missing`, for the field `name` of the object at `parent`.
#[cold]
pub(crate) fn missing(parent: &str, name: &str, expected: &str) -> Box<InputError> {
    InputError::new(join(parent, name), ["expected ", expected, ", but the field is missing"].concat()).into()
}

pub(crate) fn read_failed(path: &str, reason: String) -> Box<InputError> {
    InputError::new(path, ["the value could not be read: ", &reason].concat()).into()
}

/// Reads an object's field. Absent, `undefined` and `null` all count as
/// "not given"; callers try the expected type first and ask about nullish
/// values only when that fails, which saves JS round trips on long lists.
pub(crate) fn field<V: InputValue>(object: &V, parent: &str, name: &str) -> ReadResult<Option<V>> {
    object.field(name).map_err(|reason| read_failed(&join(parent, name), reason))
}

pub(crate) fn string_field<V: InputValue>(object: &V, parent: &str, name: &str) -> ReadResult<Option<String>> {
    named_string_field(object, parent, name, "a string")
}

/// A string field that is not given (absent or nullish) is `None`; any other
/// type is an error saying `expected <expected>`.
fn named_string_field<V: InputValue>(
    object: &V,
    parent: &str,
    name: &str,
    expected: &str,
) -> ReadResult<Option<String>> {
    match field(object, parent, name)? {
        None => Ok(None),
        Some(value) => match value.as_string() {
            Some(text) => Ok(Some(text)),
            None if value.is_nullish() => Ok(None),
            None => Err(wrong_field_type(parent, name, expected, &value)),
        },
    }
}

pub(crate) fn required_string<V: InputValue>(object: &V, parent: &str, name: &str) -> ReadResult<String> {
    string_field(object, parent, name)?.ok_or_else(|| missing(parent, name, "a string"))
}

pub(crate) fn flag<V: InputValue>(object: &V, parent: &str, name: &str) -> ReadResult<bool> {
    Ok(optional_flag(object, parent, name)?.unwrap_or(false))
}

/// A boolean field; `None` when it is not given (absent or nullish).
pub(crate) fn optional_flag<V: InputValue>(object: &V, parent: &str, name: &str) -> ReadResult<Option<bool>> {
    match field(object, parent, name)? {
        None => Ok(None),
        Some(value) => match value.as_bool() {
            Some(flag) => Ok(Some(flag)),
            None if value.is_nullish() => Ok(None),
            None => Err(wrong_field_type(parent, name, "a boolean", &value)),
        },
    }
}

pub(crate) fn expect_object<V: InputValue>(value: &V, path: &str, what: &str) -> ReadResult<()> {
    if value.is_object() {
        Ok(())
    } else {
        Err(wrong_type(path, what, value.shape()))
    }
}

/// Reads one task snapshot at `path` (its `id` is optional). Unknown extra fields are ignored.
pub fn read_task<V: InputValue>(value: &V, path: &str) -> ReadResult<StopTask> {
    expect_object(value, path, "a task object")?;
    let id = string_field(value, path, "id")?;
    read_rule_fields(value, path, id)
}

/// Reads one task of a batch plan at `path`: its `id` is required.
pub fn read_plan_task<V: InputValue>(value: &V, path: &str) -> ReadResult<PlanTask> {
    expect_object(value, path, "a task object")?;
    let Some(id) = string_field(value, path, "id")? else {
        return Err(missing(path, "id", "a string task id"));
    };
    Ok(PlanTask { task: read_rule_fields(value, path, Some(id.clone()))?, id })
}

/// Reads a task like [`read_task`] (id optional), but hands back the host's
/// own `id` value (a string, or nullish) instead of a copy of its text: the
/// wasm fast path puts it straight into the JS decision.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn read_task_keeping_id<V: InputValue>(value: &V, path: &str) -> ReadResult<(StopTask, Option<V>)> {
    expect_object(value, path, "a task object")?;
    let id = match field(value, path, "id")? {
        Some(id) if id.is_string() => Some(id),
        Some(id) if !id.is_nullish() => return Err(wrong_field_type(path, "id", "a string", &id)),
        _ => None,
    };
    Ok((read_rule_fields(value, path, None)?, id))
}

/// The fields the rules read, into a task with this `id`. (`name` is for
/// the UI only and is not read.) Real list items (v3 and v5) are read as
/// they come: see `api_item`.
fn read_rule_fields<V: InputValue>(value: &V, path: &str, id: Option<String>) -> ReadResult<StopTask> {
    Ok(StopTask {
        id,
        db_use_type: read_kind(value, path)?,
        status: required_string(value, path, "status")?,
        engine_type: string_field(value, path, "engine_type")?,
        task_type: string_field(value, path, "task_type")?,
        network_abnormal: flag(value, path, "network_abnormal")?,
        configuration_failed: flag(value, path, "configuration_failed")?,
        is_parent: read_parent(value, path)?,
        multi_write: flag(value, path, "multi_write")?,
        backend: read_job_action(value, path)?,
        children: Vec::new(),
    })
}

/// The most tasks one call takes. Far above any console's list, it bounds the
/// work an array-like with a huge `length` (every index fed by a prototype
/// getter, say) can ask for.
pub const MAX_TASKS: usize = 10_000_000;
/// [`MAX_TASKS`] in messages, written out so the wasm formats no constant.
pub(crate) const MAX_TASKS_TEXT: &str = "10000000";

/// Reads an array at `path` (elements at `path[i]`), each with `read`.
pub fn read_array<V: InputValue, T>(
    value: &V,
    path: &str,
    read: impl Fn(&V, &str) -> ReadResult<T>,
) -> ReadResult<Vec<T>> {
    let len = array_len(value, path)?;
    // Not sized to `len` up front: a hostile array-like may claim millions.
    let mut items = Vec::new();
    for i in 0..len {
        items.push(read_element(value, i, path, i, &read)?);
    }
    Ok(items)
}

/// Reads an array one element at a time with `read`, handing each result to `visit`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn for_each_element<V: InputValue, T, E: From<Box<InputError>>>(
    value: &V,
    path: &str,
    read: impl Fn(&V, &str) -> ReadResult<T>,
    mut visit: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let len = array_len(value, path)?;
    for i in 0..len {
        visit(read_element(value, i, path, i, &read)?)?;
    }
    Ok(())
}

/// Checks that `value` is an array of at most [`MAX_TASKS`] and reads its length.
pub fn array_len<V: InputValue>(value: &V, path: &str) -> ReadResult<usize> {
    bounded_len(value, path, "an array of task objects", "tasks")
}

/// Checks that `value` is an array (`expected` names it in the error) of at
/// most [`MAX_TASKS`] `items`, and reads its length.
pub(crate) fn bounded_len<V: InputValue>(value: &V, path: &str, expected: &str, items: &str) -> ReadResult<usize> {
    if value.shape() != Shape::Array {
        return Err(wrong_type(path, expected, value.shape()));
    }
    let len = value.len().map_err(|reason| read_failed(path, reason))?;
    if len > MAX_TASKS {
        return Err(too_many(path, items, len));
    }
    Ok(len)
}

/// Reads element `at` of `array` with `read`; errors name it as element
/// `position` of `path` (the wasm fast path hands over one element at a time).
pub fn read_element<V: InputValue, T>(
    array: &V,
    at: usize,
    path: &str,
    position: usize,
    read: impl Fn(&V, &str) -> ReadResult<T>,
) -> ReadResult<T> {
    let element = element(array, at, path, position)?;
    // Read at the root, so the element's path is only formatted when something is wrong.
    read(&element, "").map_err(|error| under_element(error, path, position))
}

// The parts of `read_element` that do not depend on what is read, apart:
// one copy in the wasm, not one per reader.
pub(crate) fn element<V: InputValue>(array: &V, at: usize, path: &str, position: usize) -> ReadResult<V> {
    array.element(at).map_err(|reason| read_failed(&index(path, position), reason))
}

#[cold]
fn under_element(mut error: Box<InputError>, path: &str, position: usize) -> Box<InputError> {
    error.nest_under(&index(path, position));
    error
}

/// Reads a language: `null` (or nothing) means the default; a string is read
/// leniently (unknown tags fall back to `en-us`); any other type is an error.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn read_lang_value<V: InputValue>(value: &V, path: &str) -> ReadResult<Lang> {
    match value.as_string() {
        Some(tag) => Ok(Lang::from_tag(&tag)),
        None if value.is_nullish() => Ok(Lang::default()),
        None => Err(wrong_type(path, "a language tag string", value.shape())),
    }
}

/// Reads an object's `policy` field: a string (any name; unknown ones are
/// fail-safe, not errors), or nullish for `default`.
pub fn read_policy<V: InputValue>(object: &V, parent: &str, default: &Policy) -> ReadResult<Policy> {
    let name = named_string_field(object, parent, "policy", "a policy name string")?;
    Ok(name.map_or_else(|| default.clone(), |name| Policy::from_name(&name)))
}

/// Reads an object's `lang` and `policy`; `defaults` fills in what is not given.
fn read_options_fields<V: InputValue>(
    object: &V,
    parent: &str,
    defaults: &EvaluateOptions,
) -> ReadResult<EvaluateOptions> {
    let lang = named_string_field(object, parent, "lang", "a language tag string")?;
    let lang = lang.map_or(defaults.lang, |tag| Lang::from_tag(&tag));
    Ok(EvaluateOptions { lang, policy: read_policy(object, parent, &defaults.policy)?, children: defaults.children })
}

/// Options of `evaluate`: `{ "lang": ..., "policy": ... }`; `null`/absent means defaults.
/// (Used by the wasm binding; native callers pass [`EvaluateOptions`].)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn read_evaluate_options<V: InputValue>(value: Option<&V>) -> ReadResult<EvaluateOptions> {
    match value {
        None => Ok(EvaluateOptions::default()),
        Some(options) if options.is_nullish() => Ok(EvaluateOptions::default()),
        Some(options) => {
            expect_object(options, "", "an options object")?;
            let read = read_options_fields(options, "", &EvaluateOptions::default())?;
            Ok(read.with_children(flag(options, "", "children")?))
        }
    }
}

/// `force` in a plan request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ForceChoice {
    /// Each task in its preselected mode.
    #[default]
    Auto,
    /// Every stoppable task forcibly.
    Always,
    /// Normal stops only.
    Never,
}

/// Which DRS API version a plan's request body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ApiVersion {
    /// `DELETE /v3/{project_id}/jobs/batch-jobs` with `delete_type`.
    #[default]
    V3,
    /// `POST /v5/{project_id}/jobs/batch-stop` with `is_force_stop`.
    V5,
}

/// One task of a batch plan: every task there needs an id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanTask {
    /// The job id the request body names.
    pub id: String,
    /// The snapshot the rules decide on (its own `id` is not read by plans).
    pub task: StopTask,
}

impl PlanTask {
    pub fn new(id: impl Into<String>, task: StopTask) -> PlanTask {
        PlanTask { id: id.into(), task }
    }
}

/// A batch stop request (contract section 6).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanRequest {
    pub tasks: Vec<PlanTask>,
    pub force: ForceChoice,
    pub api: ApiVersion,
    pub lang: Lang,
    pub policy: Policy,
}

/// A batch delete request (contract section 8).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeletePlanRequest {
    pub tasks: Vec<PlanTask>,
    pub lang: Lang,
    pub policy: Policy,
}

/// What both plan requests share: the tasks (each with an id), `lang` and `policy`.
fn read_plan_common<V: InputValue>(
    value: &V,
    defaults: &EvaluateOptions,
) -> ReadResult<(Vec<PlanTask>, EvaluateOptions)> {
    expect_object(value, "", "a plan request object")?;
    let tasks = match field(value, "", "tasks")? {
        Some(tasks) if !tasks.is_nullish() => read_array(&tasks, "tasks", read_plan_task)?,
        _ => return Err(missing("", "tasks", "an array of task objects")),
    };
    Ok((tasks, read_options_fields(value, "", defaults)?))
}

/// Reads a stop plan request. `defaults` gives `lang` and `policy` when the input omits them.
pub fn read_plan_request<V: InputValue>(value: &V, defaults: &EvaluateOptions) -> ReadResult<PlanRequest> {
    let (tasks, EvaluateOptions { lang, policy, .. }) = read_plan_common(value, defaults)?;
    let force = match field(value, "", "force")? {
        None => ForceChoice::Auto,
        Some(force) => match force.as_bool() {
            Some(true) => ForceChoice::Always,
            Some(false) => ForceChoice::Never,
            None => match force.as_string() {
                Some(text) if text == "auto" => ForceChoice::Auto,
                None if force.is_nullish() => ForceChoice::Auto,
                // A string is echoed back, anything else named by its type.
                text => {
                    let found = text.map_or_else(|| force.shape().describe().to_string(), |text| quoted(&text));
                    return Err(expected_found("force", "\"auto\", true or false", &found));
                }
            },
        },
    };
    let api = match string_field(value, "", "api")?.as_deref() {
        None | Some("v3") => ApiVersion::V3,
        Some("v5") => ApiVersion::V5,
        Some(other) => return Err(expected_found("api", "\"v3\" or \"v5\"", &quoted(other))),
    };
    Ok(PlanRequest { tasks, force, api, lang, policy })
}

/// Reads a delete plan request. `defaults` gives `lang` and `policy` when the input omits them.
pub fn read_delete_plan_request<V: InputValue>(value: &V, defaults: &EvaluateOptions) -> ReadResult<DeletePlanRequest> {
    let (tasks, EvaluateOptions { lang, policy, .. }) = read_plan_common(value, defaults)?;
    Ok(DeletePlanRequest { tasks, lang, policy })
}

/// Echoed input in quotes, kept short in messages.
fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let head = first_chars(text, MAX_CHARS);
    let ellipsis = if head.len() == text.len() { "" } else { "…" };
    ["\"", head, ellipsis, "\""].concat()
}

/// The first `max_chars` characters of `text` (all of it when shorter):
/// sliced, not collected char by char, so the wasm needs no char encoder.
pub(crate) fn first_chars(text: &str, max_chars: usize) -> &str {
    let end: usize = text.chars().take(max_chars).map(char::len_utf8).sum();
    text.get(..end).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn max_tasks_text_is_max_tasks() {
        assert_eq!(super::MAX_TASKS_TEXT, super::MAX_TASKS.to_string());
    }
}
