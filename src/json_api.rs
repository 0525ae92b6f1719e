//! JSON-string entry points: one per operation, for the CLI, backends in
//! other languages and the cross-runtime conformance tests. They call the
//! same rules as the typed API.

use serde::Serialize;
use serde_json::Value;

use crate::api_item::{read_task_tree, read_task_trees, TaskBudget};
use crate::decision::{evaluate, evaluate_list};
use crate::delete_plan::plan_delete;
use crate::error::InputError;
use crate::input::{read_array, read_delete_plan_request, read_plan_request, read_task, InputValue, Shape};
use crate::lang::Lang;
use crate::matrix::stop_matrix;
use crate::options::EvaluateOptions;
use crate::plan::plan_stop;

fn parse(input: &str) -> Result<Value, InputError> {
    serde_json::from_str(input).map_err(|error| InputError::new("", format!("the input is not valid JSON: {error}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Decisions, plans and the matrix hold only strings, booleans and lists: they always serialize.
    serde_json::to_string(value).unwrap_or_default()
}

/// Evaluates one task object, or an array of them, given as JSON; returns
/// the decision (or an array of decisions) as JSON. `options`: an
/// [`EvaluateOptions`] or a [`Lang`]. With `options.children`, the answer is
/// always an array: each task followed by its nested children.
pub fn evaluate_json(input: &str, options: impl Into<EvaluateOptions>) -> Result<String, InputError> {
    let options = options.into();
    let value = parse(input)?;
    let value = &value;
    if options.children {
        let budget = TaskBudget::default();
        let tasks = if value.shape() == Shape::Array {
            read_task_trees(&value, "", &budget)?
        } else {
            vec![read_task_tree(&value, "", &budget)?]
        };
        Ok(to_json(&evaluate_list(&tasks, &options)))
    } else if value.shape() == Shape::Array {
        Ok(to_json(&evaluate_list(&read_array(&value, "", read_task)?, &options)))
    } else {
        Ok(to_json(&evaluate(&read_task(&value, "")?, &options)))
    }
}

/// Plans a batch stop from a JSON plan request; returns the plan as JSON.
pub fn plan_json(input: &str) -> Result<String, InputError> {
    plan_json_with(input, EvaluateOptions::default())
}

/// [`plan_json`], with `defaults` for `lang` and `policy` where the request
/// omits them (the CLI's `--lang` and `--policy`).
pub fn plan_json_with(input: &str, defaults: impl Into<EvaluateOptions>) -> Result<String, InputError> {
    let value = parse(input)?;
    Ok(to_json(&plan_stop(&read_plan_request(&&value, &defaults.into())?)))
}

/// Plans a batch delete from a JSON request (`{tasks, lang, policy}`);
/// returns the plan as JSON.
pub fn plan_delete_json(input: &str) -> Result<String, InputError> {
    plan_delete_json_with(input, EvaluateOptions::default())
}

/// [`plan_delete_json`], with `defaults` as for [`plan_json_with`].
pub fn plan_delete_json_with(input: &str, defaults: impl Into<EvaluateOptions>) -> Result<String, InputError> {
    let value = parse(input)?;
    Ok(to_json(&plan_delete(&read_delete_plan_request(&&value, &defaults.into())?)))
}

/// The eligibility matrix as JSON.
pub fn matrix_json(lang: Lang) -> String {
    to_json(&stop_matrix(lang))
}
