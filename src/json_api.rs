//! JSON-string entry points: one per operation, for the CLI, backends in
//! other languages and the cross-runtime conformance tests. They call the
//! same rules as the typed API.

use serde::Serialize;
use serde_json::Value;

use crate::decision::evaluate;
use crate::error::InputError;
use crate::input::{read_plan_request, read_task, read_tasks, IdRule, InputValue, Shape};
use crate::lang::Lang;
use crate::matrix::stop_matrix;
use crate::plan::plan_stop;

fn parse(input: &str) -> Result<Value, InputError> {
    serde_json::from_str(input).map_err(|error| InputError::new("", format!("the input is not valid JSON: {error}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Decisions, plans and the matrix hold only strings, booleans and lists: they always serialize.
    serde_json::to_string(value).unwrap_or_default()
}

/// Evaluates one task object, or an array of them, given as JSON; returns
/// the decision (or an array of decisions) as JSON.
pub fn evaluate_json(input: &str, lang: Lang) -> Result<String, InputError> {
    let value = parse(input)?;
    let value = &value;
    if value.shape() == Shape::Array {
        let decisions: Vec<_> =
            read_tasks(&value, "", IdRule::Optional)?.iter().map(|task| evaluate(task, lang)).collect();
        Ok(to_json(&decisions))
    } else {
        Ok(to_json(&evaluate(&read_task(&value, "", IdRule::Optional)?, lang)))
    }
}

/// Plans a batch stop from a JSON plan request; returns the plan as JSON.
pub fn plan_json(input: &str) -> Result<String, InputError> {
    let value = parse(input)?;
    Ok(to_json(&plan_stop(&read_plan_request(&&value)?)))
}

/// The eligibility matrix as JSON.
pub fn matrix_json(lang: Lang) -> String {
    to_json(&stop_matrix(lang))
}
