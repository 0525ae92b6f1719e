//! The fast path of `evaluateStops`. A console's task list repeats a few
//! combinations of kind, status and flags many times, and a decision depends
//! on nothing else but the task id. So each distinct combination is evaluated
//! and converted to JS once (a frozen template); each task's decision is a
//! shallow copy of its template with its own `id`. Building JS objects is
//! what costs time in wasm, not the rules.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{intern, JsValue};

use crate::input::StopTask;
use crate::lang::Lang;

/// Templates kept at most; a list with more distinct combinations (unknown
/// statuses are free text) simply starts over, so memory stays bounded.
const MAX_TEMPLATES: usize = 512;

thread_local! {
    static TEMPLATES: RefCell<HashMap<(StopTask, Lang), Object>> = RefCell::new(HashMap::new());
}

/// Decisions for `tasks`, as JS objects, in order.
pub(super) fn decisions(tasks: &[StopTask], lang: Lang) -> Result<Array, JsValue> {
    let out = Array::new_with_length(u32::try_from(tasks.len()).map_err(|_| JsValue::from_str("too many tasks"))?);
    let id_key = JsValue::from_str(intern("id"));
    for (index, task) in tasks.iter().enumerate() {
        let template = template_for(task, lang)?;
        let decision = Object::assign(&Object::new(), &template);
        let id = task.id.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        Reflect::set(&decision, &id_key, &id)?;
        // `index` < tasks.len(), which fits in u32 (checked above).
        out.set(index as u32, decision.into());
    }
    Ok(out)
}

fn template_for(task: &StopTask, lang: Lang) -> Result<Object, JsValue> {
    // Everything a decision depends on, except the id (and the name, which it ignores).
    let key = (StopTask { id: None, name: None, ..task.clone() }, lang);
    if let Some(template) = TEMPLATES.with_borrow(|templates| templates.get(&key).cloned()) {
        return Ok(template);
    }
    let decision = super::to_js(&crate::evaluate_stop(&key.0, lang))?;
    deep_freeze(&decision);
    let template = Object::from(decision);
    TEMPLATES.with_borrow_mut(|templates| {
        if templates.len() >= MAX_TEMPLATES {
            templates.clear();
        }
        templates.insert(key, template.clone());
    });
    Ok(template)
}

/// Freezes a template and everything in it: decisions share these objects,
/// so a caller must not be able to change one decision through another.
fn deep_freeze(value: &JsValue) {
    if !value.is_object() {
        return;
    }
    let object = Object::from(value.clone());
    for child in Object::values(&object).iter() {
        deep_freeze(&child);
    }
    Object::freeze(&object);
}
