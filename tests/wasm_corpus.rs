//! The case corpus through the wasm binding (JS values in, JS values out),
//! run by wasm-bindgen-test in Node and in headless Chromium
//! (`scripts/test-wasm.sh node|chrome`).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    case_lang, case_options_json, case_policy, check_batch, check_each, corpus, matches_error_case, option_groups,
    partial_match, section,
};
use drs_stop_rules::wasm;
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn to_js(value: &Value) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

fn from_js(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).unwrap()
}

fn options(lang: &str, policy: Option<&str>) -> Option<JsValue> {
    Some(to_js(&match policy {
        Some(policy) => json!({ "lang": lang, "policy": policy }),
        None => json!({ "lang": lang }),
    }))
}

/// The `code` and `path` of a thrown error, which must be a real `Error`.
fn thrown(error: JsValue) -> Value {
    assert!(error.is_instance_of::<js_sys::Error>(), "throws an Error");
    let get = |key: &str| js_sys::Reflect::get(&error, &key.into()).unwrap().as_string();
    json!({ "code": get("code"), "path": get("path") })
}

/// The native rules' answer (compiled into this same wasm), as JSON.
fn native_decision(task: &Value, lang: &str, policy: Option<&str>) -> Value {
    let mut options = drs_stop_rules::EvaluateOptions::new(drs_stop_rules::Lang::from_tag(lang));
    if let Some(policy) = policy {
        options = options.with_policy(drs_stop_rules::Policy::from_name(policy));
    }
    serde_json::from_str(&drs_stop_rules::evaluate_json(&task.to_string(), options).unwrap()).unwrap()
}

/// `Ok` when `JSON.stringify` of the wasm's answer is the native JSON text,
/// key order included (the binding builds plans and the matrix field by field).
fn same_text(what: &str, actual: &JsValue, expected: &str) -> Result<(), String> {
    let actual = js_sys::JSON::stringify(actual).map(String::from).unwrap_or_default();
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}:\n  got      {actual}\n  expected {expected}"))
    }
}

/// `Ok` when the two answers are deep-equal.
fn same(what: &str, actual: &Value, expected: &Value) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}:\n  got      {actual}\n  expected {expected}"))
    }
}

#[wasm_bindgen_test]
fn decisions_one_by_one_and_through_the_fast_path() {
    let cases = section(&corpus(), "decisions");
    // One by one: the corpus's expectations, and deep equality with the native answer.
    check_each("decision", &cases, |case| {
        let (lang, policy) = (case_lang(case), case_policy(case));
        let decision = from_js(wasm::evaluate_stop(to_js(&case["task"]), options(lang, policy)).unwrap());
        partial_match(&case["expect"], &decision, "")?;
        same("evaluateStop differs from the native rules", &decision, &native_decision(&case["task"], lang, policy))
    });

    // The fast path, twice, so the second run is served from its templates:
    // the expectations, and every decision deep-equal to evaluateStop's.
    for round in 0..2 {
        let mut covered = 0;
        for ((lang, policy), batch) in option_groups(&cases) {
            let tasks = to_js(&Value::Array(batch.iter().map(|case| case["task"].clone()).collect()));
            let decisions = from_js(wasm::evaluate_stops(tasks, options(&lang, policy.as_deref())).unwrap().into());
            check_batch(&format!("round {round}, {lang} {policy:?} decision"), &batch, &decisions);
            let mut fast = decisions.as_array().unwrap().iter();
            check_each(&format!("round {round}, {lang} {policy:?} fast path"), batch.iter().copied(), |case| {
                let single =
                    from_js(wasm::evaluate_stop(to_js(&case["task"]), options(&lang, policy.as_deref())).unwrap());
                same("evaluateStops differs from evaluateStop", fast.next().unwrap_or(&Value::Null), &single)
            });
            covered += batch.len();
        }
        assert_eq!(covered, cases.len(), "every decision case ran through the fast path");
    }
}

/// A section of plan cases through the binding: the expectations, and deep
/// equality with the native rules' plan.
fn check_plans(
    name: &str,
    through_wasm: fn(JsValue) -> Result<JsValue, JsValue>,
    native: fn(&str) -> Result<String, drs_stop_rules::InputError>,
) {
    check_each(name, &section(&corpus(), name), |case| {
        let js_plan = through_wasm(to_js(&case["input"])).unwrap();
        let plan = from_js(js_plan.clone());
        partial_match(&case["expect"], &plan, "")?;
        let native_text = native(&case["input"].to_string()).unwrap();
        let expected: Value = serde_json::from_str(&native_text).unwrap();
        same(&format!("{name}: the wasm plan differs from the native rules"), &plan, &expected)?;
        same_text(&format!("{name}: the wasm plan's JSON differs from the native rules'"), &js_plan, &native_text)
    });
}

#[wasm_bindgen_test]
fn plans() {
    check_plans("plans", wasm::plan_stop, drs_stop_rules::plan_json);
}

#[wasm_bindgen_test]
fn real_list_answers() {
    // Twice: the second run is served from the fast path's templates.
    for round in 0..2 {
        check_each("list", &section(&corpus(), "lists"), |case| {
            let options = Some(to_js(&case_options_json(case)));
            let decisions = wasm::evaluate_stops(to_js(&case["response"]["jobs"]), options).unwrap();
            partial_match(&case["expect"], &from_js(decisions.into()), &format!("round {round}"))
        });
    }
}

#[wasm_bindgen_test]
fn delete_plans() {
    check_plans("delete_plans", wasm::plan_delete, drs_stop_rules::plan_delete_json);
}

#[wasm_bindgen_test]
fn a_policy_that_is_not_a_string_is_an_input_error() {
    let task = to_js(&json!({"db_use_type": "sync", "status": "CREATING"}));
    let error = wasm::evaluate_stop(task.clone(), Some(to_js(&json!({ "policy": 1 })))).unwrap_err();
    assert_eq!(thrown(error)["path"], "policy");
    let tasks = to_js(&json!([{"db_use_type": "sync", "status": "CREATING"}]));
    let error = wasm::evaluate_stops(tasks, Some(to_js(&json!({ "policy": {} })))).unwrap_err();
    assert_eq!(thrown(error)["path"], "policy");
    // null is "not given": the default policy.
    let decision = from_js(wasm::evaluate_stop(task, Some(to_js(&json!({ "policy": null })))).unwrap());
    assert_eq!(decision["stoppable"], true);
}

#[wasm_bindgen_test]
fn errors_throw_with_code_and_path_and_the_module_keeps_answering() {
    let probe = json!({"db_use_type": "sync", "status": "INCRE_TRANSFER_FAILED"});
    check_each("error", &section(&corpus(), "errors"), |case| {
        let input = to_js(&case["input"]);
        let result = match (case["op"].as_str(), case["input"].is_array()) {
            (Some("evaluate"), true) => {
                wasm::evaluate_stops(input, Some(to_js(&case_options_json(case)))).map(JsValue::from)
            }
            (Some("evaluate"), false) => wasm::evaluate_stop(input, None),
            (Some("plan-delete"), _) => wasm::plan_delete(input),
            _ => wasm::plan_stop(input),
        };
        let outcome = match result {
            Ok(value) => Err(format!("expected a throw, got {:?}", from_js(value))),
            Err(error) => matches_error_case(case, &thrown(error)),
        };
        let after = from_js(wasm::evaluate_stop(to_js(&probe), None).unwrap());
        assert_eq!(after["preselected_mode"], "force", "the module answers after {}", case["name"]);
        outcome
    });
}

#[wasm_bindgen_test]
fn labels_matrix_and_version() {
    let cases = section(&corpus(), "labels");
    for case in &cases {
        let label = wasm::status_label(to_js(&case["db_use_type"]), to_js(&case["status"]), Some(to_js(&case["lang"])))
            .unwrap();
        assert_eq!(Value::String(label), case["label"], "{}", case["name"]);
    }
    let error = wasm::status_label(JsValue::from(3), JsValue::from("CREATING"), None).unwrap_err();
    assert_eq!(thrown(error)["path"], "dbUseType");

    let js_matrix = wasm::stop_matrix(Some("zh-cn".into())).unwrap();
    let matrix = from_js(js_matrix.clone());
    assert_eq!(matrix["rows"].as_array().unwrap().len(), drs_stop_rules::STOP_TABLE.len());
    let native_text = drs_stop_rules::matrix_json(drs_stop_rules::Lang::ZhCn);
    assert_eq!(matrix, serde_json::from_str::<Value>(&native_text).unwrap());
    for lang in drs_stop_rules::Lang::ALL {
        let js_matrix = wasm::stop_matrix(Some(lang.as_str().into())).unwrap();
        same_text(
            "the wasm matrix's JSON differs from the native rules'",
            &js_matrix,
            &drs_stop_rules::matrix_json(lang),
        )
        .unwrap();
    }
    assert_eq!(wasm::rules_version(), drs_stop_rules::rules_version());
}

#[wasm_bindgen_test]
fn a_throwing_proxy_is_an_input_error() {
    let handler = js_sys::Object::new();
    let trap = js_sys::Function::new_no_args("throw new Error('trap')");
    js_sys::Reflect::set(&handler, &"get".into(), &trap).unwrap();
    let proxy = js_sys::Proxy::new(&js_sys::Object::new(), &handler);
    let error = wasm::evaluate_stop(proxy.into(), None).unwrap_err();
    assert_eq!(thrown(error)["path"], "id");
}
