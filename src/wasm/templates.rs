//! The fast path of `evaluateStops`. A console's task list repeats a limited
//! number of rule inputs (kind, status, flags, ...) many times, and a
//! decision depends on nothing else but the task id. So each distinct
//! `RuleInputs` is decided and converted to JS once (a template); each
//! task's decision is a shallow copy of its template with its own `id`.
//! Building JS objects is what costs time in wasm, not the rules.
//!
//! Decisions share their template's nested objects, so those must be frozen
//! before a caller sees them: front.js freezes all it gets from here at once,
//! in JS, where walking nested objects costs no JS<->wasm crossings.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use crate::api_item::{read_task_trees, TaskBudget};
use crate::decision::decide;
use crate::input::{for_each_element, read_task_keeping_id, StopTask};
use crate::options::EvaluateOptions;
use crate::rule_inputs::RuleInputs;

/// Slots of the template cache: more than the distinct inputs of a real task
/// list, and a fixed number, so memory stays bounded whatever comes in
/// (unknown statuses are free text). A full probe run evicts its first slot.
const SLOTS: usize = 2048;
const PROBES: usize = 4;

struct Template {
    inputs: RuleInputs,
    /// Language and policy: a decision depends on them as much as on the inputs.
    options: EvaluateOptions,
    decision: Object,
}

#[wasm_bindgen]
extern "C" {
    /// A decision being built: a fresh plain object of ours.
    #[wasm_bindgen(extends = Object)]
    type Decision;

    /// Sets `id`. A plain assignment, with no exception handling around it:
    /// on a fresh plain object it cannot throw.
    #[wasm_bindgen(method, setter = id)]
    fn set_id(this: &Decision, id: &JsValue);

    /// Sets `parent_id`, likewise.
    #[wasm_bindgen(method, setter = parent_id)]
    fn set_parent_id(this: &Decision, id: &JsValue);
}

thread_local! {
    static TEMPLATES: RefCell<Vec<Option<Template>>> = const { RefCell::new(Vec::new()) };
}

/// Decisions for the JS array `tasks`, in order; with `options.children`,
/// each followed by its nested children.
pub(super) fn decisions(tasks: &JsValue, options: &EvaluateOptions) -> Result<Array, JsValue> {
    if options.children {
        return decisions_with_children(tasks, options);
    }
    let out = Array::new();
    for_each_element(tasks, "", read_task_keeping_id, |(task, id)| {
        let decision = decision_for(&task, id, options)?;
        out.push(&decision);
        Ok::<(), JsValue>(())
    })?;
    Ok(out)
}

/// `children: true`: the tasks are read with their children (the whole
/// tree first, so a bad child throws before anything is built), then
/// decided depth-first, each child with its parent's id as `parent_id`.
pub(super) fn decisions_with_children(tasks: &JsValue, options: &EvaluateOptions) -> Result<Array, JsValue> {
    let roots = read_task_trees(tasks, "", &TaskBudget::default())?;
    let out = Array::new();
    for task in &roots {
        push_tree(task, &JsValue::NULL, options, &out)?;
    }
    Ok(out)
}

fn push_tree(task: &StopTask, parent_id: &JsValue, options: &EvaluateOptions, out: &Array) -> Result<(), JsValue> {
    let id = task.id.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let decision: Decision = decision_for(task, Some(id.clone()), options)?.unchecked_into();
    decision.set_parent_id(parent_id);
    out.push(&decision);
    for child in &task.children {
        push_tree(child, &id, options, out)?;
    }
    Ok(())
}

/// The decision for one task read by the careful reader: a copy of its template with its id.
pub(super) fn decision_for(task: &StopTask, id: Option<JsValue>, options: &EvaluateOptions) -> Result<Object, JsValue> {
    let template = template_for(RuleInputs::of(task), options)?;
    let decision: Decision = Object::assign(&Object::new(), &template).unchecked_into();
    decision.set_id(&id.unwrap_or(JsValue::NULL));
    Ok(decision.into())
}

/// The decision (id `null`) shared by every task with these inputs and
/// options (its nested objects frozen by front.js, see above).
pub(super) fn template_for(inputs: RuleInputs, options: &EvaluateOptions) -> Result<Object, JsValue> {
    let home = slot_of(&inputs, options);
    let probe = |i: usize| (home + i) % SLOTS;
    let cached = TEMPLATES.with_borrow(|slots| {
        (0..PROBES).find_map(|i| match slots.get(probe(i)) {
            Some(Some(t)) if t.inputs == inputs && t.options == *options => Some(t.decision.clone()),
            _ => None,
        })
    });
    if let Some(decision) = cached {
        return Ok(decision);
    }
    let decision = Object::from(super::to_js(&decide(&inputs, None, options))?);
    TEMPLATES.with_borrow_mut(|slots| {
        if slots.is_empty() {
            // (Not `resize_with`: its shrinking half is code this never runs.)
            slots.extend(std::iter::repeat_with(|| None).take(SLOTS));
        }
        let free = (0..PROBES).map(probe).find(|&i| matches!(slots.get(i), Some(None)));
        if let Some(slot) = slots.get_mut(free.unwrap_or(home)) {
            *slot = Some(Template { inputs, options: options.clone(), decision: decision.clone() });
        }
    });
    Ok(decision)
}

/// The home slot of some inputs: FNV-1a through `Hash`, which is small and
/// quick for a few short strings and flags.
fn slot_of(inputs: &RuleInputs, options: &EvaluateOptions) -> usize {
    let mut hasher = Fnv(0x811c_9dc5);
    inputs.hash(&mut hasher);
    options.hash(&mut hasher);
    hasher.finish() as usize % SLOTS
}

struct Fnv(u32);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u32::from(*byte)).wrapping_mul(0x0100_0193);
        }
    }

    // Enum discriminants and lengths arrive as integers: one step each.
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u32).wrapping_mul(0x0100_0193);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_usize(n as usize);
    }

    fn finish(&self) -> u64 {
        u64::from(self.0)
    }
}
