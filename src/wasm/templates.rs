//! The fast path of `evaluateStops`. A console's task list repeats a few
//! combinations of kind, status and flags many times, and a decision depends
//! on nothing else but the task id. So each distinct combination is evaluated
//! and converted to JS once (a frozen template); each task's decision is a
//! shallow copy of its template with its own `id`. Building JS objects is
//! what costs time in wasm, not the rules.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::js_input::property_key;
use crate::input::StopTask;
use crate::lang::Lang;

/// Slots of the template cache: far more than the distinct combinations of a
/// real task list, and a fixed size, so memory stays bounded whatever comes in
/// (unknown statuses are free text). A full probe run evicts its first slot.
const SLOTS: usize = 1024;
const PROBES: usize = 4;

struct Template {
    key: StopTask,
    lang: Lang,
    decision: Object,
}

thread_local! {
    static TEMPLATES: RefCell<Vec<Option<Template>>> = const { RefCell::new(Vec::new()) };
}

/// Decisions for `tasks`, as JS objects, in order.
pub(super) fn decisions(tasks: &[StopTask], lang: Lang) -> Result<Array, JsValue> {
    let out = Array::new();
    let id_key = property_key("id");
    for task in tasks {
        let template = template_for(task, lang)?;
        let decision = Object::assign(&Object::new(), &template);
        let id = task.id.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        Reflect::set(&decision, &id_key, &id)?;
        out.push(&decision);
    }
    Ok(out)
}

fn template_for(task: &StopTask, lang: Lang) -> Result<Object, JsValue> {
    let home = slot_of(task, lang);
    let probe = |i: usize| (home + i) % SLOTS;
    let cached = TEMPLATES.with_borrow(|slots| {
        (0..PROBES).find_map(|i| match slots.get(probe(i)) {
            Some(Some(t)) if t.lang == lang && same_inputs(&t.key, task) => Some(t.decision.clone()),
            _ => None,
        })
    });
    if let Some(decision) = cached {
        return Ok(decision);
    }
    // Everything a decision depends on, except the id (and the name, which it ignores).
    let key = StopTask { id: None, name: None, ..task.clone() };
    let decision = super::to_js(&crate::evaluate_stop(&key, lang))?;
    deep_freeze(&decision);
    let decision = Object::from(decision);
    TEMPLATES.with_borrow_mut(|slots| {
        if slots.is_empty() {
            slots.resize_with(SLOTS, || None);
        }
        let free = (0..PROBES).map(probe).find(|&i| matches!(slots.get(i), Some(None)));
        if let Some(slot) = slots.get_mut(free.unwrap_or(home)) {
            *slot = Some(Template { key, lang, decision: decision.clone() });
        }
    });
    Ok(decision)
}

/// Whether two tasks get the same decision apart from the id: every field the rules read.
fn same_inputs(a: &StopTask, b: &StopTask) -> bool {
    a.db_use_type == b.db_use_type
        && a.status == b.status
        && a.engine_type == b.engine_type
        && a.task_type == b.task_type
        && a.network_abnormal == b.network_abnormal
        && a.configuration_failed == b.configuration_failed
        && a.is_parent == b.is_parent
        && a.multi_write == b.multi_write
}

/// FNV-1a over the fields a decision depends on: cheap, and good enough to
/// spread a task list's few combinations over the slots.
fn slot_of(key: &StopTask, lang: Lang) -> usize {
    fn text(value: &Option<String>) -> &str {
        value.as_deref().unwrap_or("\u{1}")
    }
    let mut hash: u32 = 0x811c_9dc5;
    let fields = [key.db_use_type.as_str(), key.status.as_str(), text(&key.engine_type), text(&key.task_type)];
    for field in fields {
        for byte in field.bytes().chain([0xff]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    let flags = [key.network_abnormal, key.configuration_failed, key.is_parent, key.multi_write, lang == Lang::ZhCn];
    for flag in flags {
        hash = (hash ^ u32::from(flag)).wrapping_mul(0x0100_0193);
    }
    hash as usize % SLOTS
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
