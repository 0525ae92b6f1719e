//! The package's TypeScript declarations (src/wasm/api.d.ts) are written out
//! by hand so they can say more than `any`; these checks keep them from
//! drifting from the Rust code: the code unions against the crate's code
//! lists, every interface of an answer against the keys Rust actually
//! serialises (witnesses: every corpus decision and plan, the matrix, an
//! error), and every declared input field against the reader.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::{corpus, section};
use drs_stop_rules::{
    evaluate_json, matrix_json, plan_json, AbnormalReason, Advice, BlockCode, Consequence, FollowUp, Lang,
};
use serde_json::{json, Value};

const DECLARATIONS: &str = include_str!("../src/wasm/api.d.ts");
const BINDING: &str = include_str!("../src/wasm/mod.rs");

/// The string literals of `export type NAME = "A" | "B" ...;`.
fn union_members(name: &str) -> Vec<String> {
    let start = DECLARATIONS.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("no type {name}"));
    let body = &DECLARATIONS[start..];
    let body = &body[..body.find(';').expect("the type ends")];
    body.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn assert_union(name: &str, codes: Vec<&str>) {
    let mut declared = union_members(name);
    let mut codes: Vec<String> = codes.into_iter().map(str::to_string).collect();
    declared.sort();
    codes.sort();
    assert_eq!(declared, codes, "type {name} in api.d.ts differs from the Rust codes");
}

#[test]
fn code_unions_list_exactly_the_rust_codes() {
    assert_union("BlockCode", BlockCode::ALL.iter().map(|c| c.as_str()).collect());
    assert_union("AbnormalReason", AbnormalReason::ALL.iter().map(|c| c.as_str()).collect());
    assert_union("ConsequenceCode", Consequence::ALL.iter().map(|c| c.as_str()).collect());
    assert_union("AdviceCode", Advice::ALL.iter().map(|c| c.as_str()).collect());
    assert_union("FollowUpCode", FollowUp::ALL.iter().map(|c| c.as_str()).collect());
    assert_union("DbUseType", drs_stop_rules::TaskKind::ALL.iter().map(|k| k.as_str()).collect());
    assert_union("Lang", drs_stop_rules::Lang::ALL.iter().map(|l| l.as_str()).collect());
    assert_union("PolicyName", drs_stop_rules::Policy::KNOWN.iter().map(|p| p.as_str()).collect());
}

#[test]
fn every_exported_function_is_declared_and_nothing_else() {
    let exported: Vec<&str> =
        BINDING.split("js_name = ").skip(1).map(|rest| rest.split([',', ')']).next().unwrap().trim()).collect();
    assert!(!exported.is_empty(), "no exports found in src/wasm/mod.rs");
    let declared: Vec<&str> =
        DECLARATIONS.split("export function ").skip(1).map(|rest| rest.split('(').next().unwrap().trim()).collect();
    assert_eq!(declared, exported);
    for name in &exported {
        // Generated declarations would be `any`-typed duplicates.
        let attribute = format!("js_name = {name}, skip_typescript");
        assert!(BINDING.contains(&attribute), "{name} must use skip_typescript");
    }
    assert!(!DECLARATIONS.contains(": any") && !DECLARATIONS.contains("<any>"), "no any in the declarations");
}

// ---------------------------------------------------------------- object types

/// The declarations without comments.
fn source() -> String {
    let mut out = String::new();
    let mut rest = DECLARATIONS;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The text between the `{` at the start of `text` and its matching `}`.
fn braced(text: &str) -> &str {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces in {text}")
}

/// One member of an object type: its key, whether it is optional, its type.
#[derive(Debug, Clone)]
struct Member {
    key: String,
    optional: bool,
    ty: String,
}

/// The members of an object type's body (`a: T; b?: { c: U }`), index signatures left out.
fn members(body: &str) -> Vec<Member> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' | '(' | '<' | '[' => depth += 1,
            '}' | ')' | '>' | ']' => depth -= 1,
            ';' | '\n' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty() && !part.starts_with('['))
        .map(|part| {
            let (key, ty) = part.split_once(':').unwrap_or_else(|| panic!("a member without a type: {part}"));
            let key = key.trim();
            Member { key: key.trim_end_matches('?').to_string(), optional: key.ends_with('?'), ty: ty.trim().into() }
        })
        .collect()
}

/// The members of `export interface NAME`, its parents' included.
fn interface(name: &str) -> Vec<Member> {
    let source = source();
    let head = source
        .match_indices(&format!("export interface {name}"))
        .map(|(start, _)| &source[start..])
        .find(|head| head[17 + name.len()..].starts_with([' ', '<']))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let open = head.find('{').expect("a body");
    let mut list = members(braced(&head[open..]));
    // `interface A<T extends B> extends C, D {`: the parents follow the generic parameters.
    let signature = &head[..open];
    let after_generics = signature.rfind('>').map_or(signature, |end| &signature[end + 1..]);
    if let Some(parents) = after_generics.split(" extends ").nth(1) {
        for parent in parents.split(',').map(str::trim).filter(|p| !p.is_empty() && *p != "Error") {
            let own: BTreeSet<String> = list.iter().map(|m| m.key.clone()).collect();
            list.extend(interface(parent).into_iter().filter(|m| !own.contains(&m.key)));
        }
    }
    list
}

/// The members of an inline object type (`{ a: T; b: U }`, optionally `[]` or `| null`).
fn inline(ty: &str) -> Vec<Member> {
    let open = ty.find('{').unwrap_or_else(|| panic!("not an inline object type: {ty}"));
    members(braced(&ty[open..]))
}

fn member<'a>(list: &'a [Member], key: &str) -> &'a Member {
    list.iter().find(|m| m.key == key).unwrap_or_else(|| panic!("no member {key} in {list:?}"))
}

/// Every key of every witness is declared, and every required declared key is in every witness.
fn assert_keys(what: &str, declared: &[Member], witnesses: &[&Value]) {
    assert!(!witnesses.is_empty(), "{what}: no witness");
    let names: BTreeSet<&str> = declared.iter().map(|m| m.key.as_str()).collect();
    for witness in witnesses {
        let object = witness.as_object().unwrap_or_else(|| panic!("{what}: not an object: {witness}"));
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        let undeclared: Vec<_> = keys.difference(&names).collect();
        assert!(undeclared.is_empty(), "{what}: Rust serialises {undeclared:?}, which api.d.ts does not declare");
        let missing: Vec<_> =
            declared.iter().filter(|m| !m.optional && !keys.contains(m.key.as_str())).map(|m| &m.key).collect();
        assert!(missing.is_empty(), "{what}: api.d.ts requires {missing:?}, which Rust does not serialise: {witness}");
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the entry points answer JSON")
}

/// Every corpus decision, in both languages, through the JSON entry point.
fn decisions() -> Vec<Value> {
    let tasks: Vec<Value> = section(&corpus(), "decisions").iter().map(|case| case["task"].clone()).collect();
    Lang::ALL
        .iter()
        .flat_map(|lang| {
            let all = parse(&evaluate_json(&Value::Array(tasks.clone()).to_string(), *lang).expect("corpus tasks"));
            all.as_array().expect("an array").clone()
        })
        .collect()
}

fn plans() -> Vec<Value> {
    section(&corpus(), "plans")
        .iter()
        .map(|case| parse(&plan_json(&case["input"].to_string()).expect("corpus plan input")))
        .collect()
}

/// The values at `key` of each witness, flattening arrays.
fn at<'a>(witnesses: &[&'a Value], key: &str) -> Vec<&'a Value> {
    witnesses
        .iter()
        .filter_map(|w| w.get(key))
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            other => vec![other],
        })
        .collect()
}

#[test]
fn decisions_serialise_exactly_the_declared_keys() {
    let decisions = decisions();
    let decisions: Vec<&Value> = decisions.iter().collect();
    let declared = interface("StopDecision");
    assert_keys("StopDecision", &declared, &decisions);

    let modes = at(&decisions, "modes");
    assert_keys("StopDecision.modes", &inline(&member(&declared, "modes").ty), &modes);
    let options: Vec<&Value> = at(&modes, "normal").into_iter().chain(at(&modes, "force")).collect();
    assert_keys("StopModeOption", &interface("StopModeOption"), &options);

    let notices: Vec<&Value> = [at(&decisions, "blocked"), at(&decisions, "advice"), at(&options, "blocked")]
        .into_iter()
        .chain([at(&options, "consequences"), at(&options, "follow_ups")])
        .flatten()
        .collect();
    assert_keys("Notice", &interface("Notice"), &notices);
    // Every nested object type of a decision is checked above or below.
    for m in &declared {
        if m.ty.contains('{') && m.key != "modes" {
            let nested = at(&decisions, &m.key);
            assert_keys(&format!("StopDecision.{}", m.key), &inline(&m.ty), &nested);
        }
    }
}

#[test]
fn plans_serialise_exactly_the_declared_keys() {
    let plans = plans();
    let plans: Vec<&Value> = plans.iter().collect();
    let declared = interface("StopPlan");
    assert_keys("StopPlan", &declared, &plans);
    for key in ["request", "endpoint", "accepted", "rejected"] {
        let nested = at(&plans, key);
        assert_keys(&format!("StopPlan.{key}"), &inline(&member(&declared, key).ty), &nested);
    }
    let requests = at(&plans, "request");
    let jobs = at(&requests, "jobs");
    let (v3, v5): (Vec<&Value>, Vec<&Value>) = jobs.into_iter().partition(|job| job.get("delete_type").is_some());
    assert_keys("V3StopJob", &interface("V3StopJob"), &v3);
    assert_keys("V5StopJob", &interface("V5StopJob"), &v5);
}

#[test]
fn the_matrix_serialises_exactly_the_declared_keys() {
    let matrix = parse(&matrix_json(Lang::ZhCn));
    assert_keys("StopMatrix", &interface("StopMatrix"), &[&matrix]);
    let rows = at(&[&matrix], "rows");
    assert_keys("StopMatrixRow", &interface("StopMatrixRow"), &rows);
    let cells: Vec<&Value> = ["migration", "sync", "cloudDataGuard"].iter().flat_map(|kind| at(&rows, kind)).collect();
    assert_keys("StopMatrixCell", &interface("StopMatrixCell"), &cells);
}

#[test]
fn input_errors_carry_the_declared_keys() {
    let error = evaluate_json(r#"{"db_use_type": 1, "status": "CREATING"}"#, Lang::EnUs).expect_err("bad input");
    let mut error = serde_json::to_value(&error).expect("an error serialises");
    // `message` comes from `Error`, which the interface extends.
    error.as_object_mut().expect("an object").remove("message");
    let declared: Vec<Member> = interface("StopRulesInputError").into_iter().filter(|m| m.key != "name").collect();
    assert_keys("StopRulesInputError", &declared, &[&error]);
}

/// Every field api.d.ts declares for a task is one the reader reads: given a
/// value of the wrong type, it answers INVALID_INPUT at that field's path.
/// (`name` is for the UI only; the reader never looks at it.)
#[test]
fn every_declared_task_field_is_read() {
    for m in interface("StopTaskInput").into_iter().filter(|m| m.key != "name") {
        let wrong = if m.ty.starts_with("boolean") { json!("yes") } else { json!(7) };
        let mut task = json!({ "db_use_type": "sync", "status": "CREATING" });
        task[&m.key] = wrong;
        let error = evaluate_json(&task.to_string(), Lang::EnUs).expect_err(&format!("{} of the wrong type", m.key));
        assert_eq!(error.path, m.key, "{}", m.key);
    }
    for m in interface("PlanInput").into_iter().filter(|m| m.key != "tasks") {
        let request = json!({ "tasks": [], m.key.clone(): 7 });
        let error = plan_json(&request.to_string()).expect_err(&format!("{} of the wrong type", m.key));
        assert_eq!(error.path, m.key, "{}", m.key);
    }
}
