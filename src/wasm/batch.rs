//! The wasm half of the `evaluateStops` fast path. The JS half (front.js,
//! put into every entry by scripts/build-pkg.sh) reads each task's fields
//! once, in the reader's order, and materialises decisions from templates it
//! asked for here and remembers; it decides nothing. Whatever it does not
//! read plainly (an odd value, a throwing getter, an element that is not an
//! object) it hands to `__stopTask`, which reads it with the careful reader,
//! so every decision and every error is the one the careful path gives.
//!
//! These exports are internal (names starting with `__`): not in the
//! TypeScript declarations, not re-exported by the package's entries.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::packed::PackedTasks;
use super::templates::{decision_for, decisions_with_children, template_for};
use crate::input::{array_len, read_element, read_evaluate_options, read_task_keeping_id};
use crate::options::EvaluateOptions;
use crate::rule_inputs::RuleInputs;

/// Distinct options (language and policy) front.js refers to by number. A
/// policy is free text, so the table is bounded: when full, it starts over,
/// and front.js, told so, forgets every template it keeps.
const OPTION_SLOTS: usize = 64;

thread_local! {
    static OPTIONS: RefCell<Vec<EvaluateOptions>> = const { RefCell::new(Vec::new()) };
}

/// The number of these options, and whether earlier numbers were forgotten.
fn options_id(options: EvaluateOptions) -> (usize, bool) {
    OPTIONS.with_borrow_mut(|table| {
        if let Some(id) = table.iter().position(|known| *known == options) {
            return (id, false);
        }
        let forgotten = table.len() >= OPTION_SLOTS;
        if forgotten {
            table.clear();
        }
        table.push(options);
        (table.len() - 1, forgotten)
    })
}

fn options_of(id: u32) -> EvaluateOptions {
    OPTIONS.with_borrow(|table| table.get(id as usize).cloned()).unwrap_or_default()
}

/// Starts a batch: reads the options and checks the task list, as the
/// careful path does first. Returns `length * 256 + children * 128 +
/// forgotten * 64 + options id`; with `children`, front.js hands the whole
/// list to `__stopTree`.
#[wasm_bindgen(js_name = __stopBatch, skip_typescript)]
pub fn stop_batch(tasks: JsValue, options: Option<JsValue>) -> Result<f64, JsValue> {
    let options = read_evaluate_options(options.as_ref())?;
    let len = array_len(&tasks, "")?;
    let children = options.children;
    let (id, forgotten) = options_id(options);
    // Exact in an f64: len <= MAX_TASKS, far below 2^44.
    Ok(len as f64 * 256.0 + if children { 128.0 } else { 0.0 } + if forgotten { 64.0 } else { 0.0 } + id as f64)
}

/// `children: true`: every task and its nested children, decided in the wasm
/// (the careful path; nested lists are a console's expandable rows, not its bulk).
#[wasm_bindgen(js_name = __stopTree, skip_typescript)]
pub fn stop_tree(tasks: JsValue, options: u32) -> Result<js_sys::Array, JsValue> {
    decisions_with_children(&tasks, &options_of(options))
}

/// The decision for element 0 of `holder`, read carefully, reported as
/// element `position` of the task list (front.js passes the task, or a
/// stand-in that replays what it already read from it, so no field is read twice).
#[wasm_bindgen(js_name = __stopTask, skip_typescript)]
pub fn stop_task(holder: JsValue, position: u32, options: u32) -> Result<JsValue, JsValue> {
    let (task, id) = read_element(&holder, 0, "", position as usize, read_task_keeping_id)?;
    Ok(decision_for(&task, id, &options_of(options))?.into())
}

/// The templates (decisions with `id: null`) for the tasks front.js read
/// and has none for, packed (see `packed.rs`), in their order.
#[wasm_bindgen(js_name = __stopTemplates, skip_typescript)]
pub fn stop_templates(options: u32, texts: &str, numbers: &[i32]) -> Result<js_sys::Array, JsValue> {
    let options = options_of(options);
    // All read once first: no template is built before an error.
    let mut check = PackedTasks::new(texts, numbers);
    while check.next_task()?.is_some() {}
    let mut tasks = PackedTasks::new(texts, numbers);
    let templates = js_sys::Array::new();
    while let Some(task) = tasks.next_task()? {
        templates.push(&template_for(RuleInputs::of(&task), &options)?.into());
    }
    Ok(templates)
}
