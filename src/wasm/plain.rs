//! The plans and the matrix as JS objects, built field by field: the same
//! objects serde-wasm-bindgen makes from their `Serialize` derives (keys in
//! declaration order, `null` for `None`), in far less wasm, as these types
//! are small, fixed and serialized nowhere else in the package (issue 8).
//! The wasm tests compare every one of them with the native JSON.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use crate::delete_plan::DeletePlan;
use crate::matrix::{MatrixCell, StopMatrix};
use crate::plan::{Endpoint, RejectedTask, RequestJob, StopPlan};

#[wasm_bindgen]
extern "C" {
    /// A fresh plain object of ours, being filled.
    #[wasm_bindgen(extends = Object)]
    type Plain;

    /// `object[key] = value`: a plain assignment, which on a fresh plain object cannot throw.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Plain, key: &str, value: &JsValue);
}

/// A plain object with these fields, in this order.
fn object<const N: usize>(fields: [(&str, JsValue); N]) -> JsValue {
    filled(&fields)
}

// `object`'s work, apart from the number of fields: one copy in the wasm.
fn filled(fields: &[(&str, JsValue)]) -> JsValue {
    let object: Plain = Object::new().unchecked_into();
    for (key, value) in fields {
        object.set(key, value);
    }
    object.into()
}

fn array<T>(items: &[T], item: impl Fn(&T) -> JsValue) -> JsValue {
    let array = Array::new();
    for one in items {
        array.push(&item(one));
    }
    array.into()
}

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

fn or_null(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, text)
}

fn endpoint(endpoint: &Endpoint) -> JsValue {
    object([("method", text(endpoint.method)), ("path", text(endpoint.path))])
}

fn rejected(task: &RejectedTask) -> JsValue {
    object([("id", text(&task.id)), ("code", text(task.code.as_str())), ("message", text(&task.message))])
}

pub(super) fn stop_plan(plan: &StopPlan) -> JsValue {
    let job = |job: &RequestJob| match job {
        RequestJob::V3 { delete_type, job_id } => {
            object([("delete_type", text(delete_type)), ("job_id", text(job_id))])
        }
        RequestJob::V5 { job_id, is_force_stop } => {
            object([("job_id", text(job_id)), ("is_force_stop", JsValue::from_bool(*is_force_stop))])
        }
    };
    object([
        ("request", object([("jobs", array(&plan.request.jobs, job))])),
        ("endpoint", endpoint(&plan.endpoint)),
        (
            "accepted",
            array(&plan.accepted, |task| object([("id", text(&task.id)), ("mode", text(task.mode.as_str()))])),
        ),
        ("rejected", array(&plan.rejected, rejected)),
    ])
}

pub(super) fn delete_plan(plan: &DeletePlan) -> JsValue {
    let job = |job: &crate::delete_plan::DeleteJob| {
        object([("delete_type", text(job.delete_type)), ("job_id", text(&job.job_id))])
    };
    object([
        ("request", object([("jobs", array(&plan.request.jobs, job))])),
        ("endpoint", endpoint(&plan.endpoint)),
        ("accepted", array(&plan.accepted, |task| object([("id", text(&task.id))]))),
        ("rejected", array(&plan.rejected, rejected)),
    ])
}

pub(super) fn stop_matrix(matrix: &StopMatrix) -> JsValue {
    let cell = |cell: &MatrixCell| {
        object([
            ("label", text(cell.label)),
            ("stoppable", JsValue::from_bool(cell.stoppable)),
            ("mode", or_null(cell.mode.map(|mode| mode.as_str()))),
            ("blocked", or_null(cell.blocked.map(|code| code.as_str()))),
            ("inferred", JsValue::from_bool(cell.inferred)),
        ])
    };
    let rows = array(&matrix.rows, |row| {
        object([
            ("status", text(row.status.as_str())),
            ("migration", cell(&row.migration)),
            ("sync", cell(&row.sync)),
            ("cloudDataGuard", cell(&row.cloud_data_guard)),
            (
                "delete",
                object([
                    ("deletable", JsValue::from_bool(row.delete.deletable)),
                    ("blocked", or_null(row.delete.blocked.map(|code| code.as_str()))),
                ]),
            ),
        ])
    });
    let policies = array(&matrix.policies, |policy| {
        object([
            ("policy", text(policy.policy.as_str())),
            ("stop", JsValue::from_bool(policy.stop)),
            ("delete", JsValue::from_bool(policy.delete)),
        ])
    });
    object([
        ("rules_version", text(&matrix.rules_version)),
        ("lang", text(matrix.lang.as_str())),
        ("rows", rows),
        ("policies", policies),
    ])
}
