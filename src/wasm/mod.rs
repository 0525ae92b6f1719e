//! The WebAssembly binding: converts between JS values and the rules' types,
//! nothing more. Every function calls the same rule code as the native API.

mod batch;
mod js_input;
mod packed;
mod plain;
mod templates;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::InputError;
use crate::input::{read_delete_plan_request, read_evaluate_options, read_lang_value, read_plan_request, read_task};
use crate::options::EvaluateOptions;

// Smaller and faster than the default allocator for this workload: many
// short-lived strings and vectors per call. Only in the shipped package
// (feature `talc`, turned on by scripts/build-pkg.sh).
#[cfg(all(feature = "talc", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The package's declarations, written out in full (types and functions) so
/// they say more than `any`; a test checks them against the exports.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_DECLARATIONS: &'static str = include_str!("api.d.ts");

/// The one serializer configuration: plain objects (not `Map`s) and `null`
/// for absent values, as the TypeScript declarations promise.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&SERIALIZER).map_err(JsValue::from)
}

impl From<Box<InputError>> for JsValue {
    fn from(error: Box<InputError>) -> JsValue {
        input_error(&error)
    }
}

/// Converts a contract violation into a thrown `Error` with `code` and `path`.
fn input_error(error: &InputError) -> JsValue {
    let js_error = js_sys::Error::new(&error.text());
    js_error.set_name("StopRulesInputError");
    // Setting a property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&js_error, &"code".into(), &error.code.into());
    let _ = js_sys::Reflect::set(&js_error, &"path".into(), &JsValue::from_str(&error.path));
    js_error.into()
}

fn string_argument(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| input_error(&InputError::new(name, "expected a string")))
}

/// Decides whether a task may be stopped, and how, and whether it may be deleted.
#[wasm_bindgen(js_name = evaluateStop, skip_typescript)]
pub fn evaluate_stop(task: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = read_evaluate_options(options.as_ref())?;
    let task = read_task(&task, "")?;
    to_js(&crate::evaluate_stop(&task, options))
}

/// Decisions for a list of tasks, in order: the careful path, all in wasm.
/// The package's `evaluateStops` is front.js over `batch` (same answers and
/// errors, far fewer JS<->wasm crossings); this is its reference in the
/// wasm tests. Decisions that differ only in `id` share their nested objects
/// (which front.js freezes).
pub fn evaluate_stops(tasks: JsValue, options: Option<JsValue>) -> Result<js_sys::Array, JsValue> {
    let options = read_evaluate_options(options.as_ref())?;
    templates::decisions(&tasks, &options)
}

/// Plans a batch stop: the API request and, per task, accepted or rejected.
#[wasm_bindgen(js_name = planStop, skip_typescript)]
pub fn plan_stop(input: JsValue) -> Result<JsValue, JsValue> {
    let request = read_plan_request(&input, &EvaluateOptions::default())?;
    Ok(plain::stop_plan(&crate::plan_stop(&request)))
}

/// Plans a batch delete: the API request and, per task, accepted or rejected.
#[wasm_bindgen(js_name = planDelete, skip_typescript)]
pub fn plan_delete(input: JsValue) -> Result<JsValue, JsValue> {
    let request = read_delete_plan_request(&input, &EvaluateOptions::default())?;
    Ok(plain::delete_plan(&crate::plan_delete(&request)))
}

/// The eligibility matrix, generated from the rules' table.
#[wasm_bindgen(js_name = stopMatrix, skip_typescript)]
pub fn stop_matrix(lang: Option<JsValue>) -> Result<JsValue, JsValue> {
    let lang = read_lang_value(&lang.unwrap_or(JsValue::NULL), "lang")?;
    Ok(plain::stop_matrix(&crate::stop_matrix(lang)))
}

/// The console's label for a status of a kind of task; the raw status when unknown.
#[wasm_bindgen(js_name = statusLabel, skip_typescript)]
pub fn status_label(db_use_type: JsValue, status: JsValue, lang: Option<JsValue>) -> Result<String, JsValue> {
    let db_use_type = string_argument(&db_use_type, "dbUseType")?;
    let status = string_argument(&status, "status")?;
    let lang = read_lang_value(&lang.unwrap_or(JsValue::NULL), "lang")?;
    Ok(crate::status_label(&db_use_type, &status, lang))
}

/// Changes whenever the decision table changes; compare it with the backend's.
#[wasm_bindgen(js_name = rulesVersion, skip_typescript)]
pub fn rules_version() -> String {
    crate::rules_version()
}
