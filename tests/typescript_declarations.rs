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
    evaluate_json, matrix_json, plan_delete_json, plan_json, AbnormalReason, Advice, BlockCode, Consequence, FollowUp,
    Lang,
};
use serde_json::{json, Value};

const DECLARATIONS: &str = include_str!("../src/wasm/api.d.ts");
/// The wasm-bindgen exports (src/wasm/*.rs that export anything).
const BINDING: &str = concat!(include_str!("../src/wasm/mod.rs"), include_str!("../src/wasm/batch.rs"));
const FRONT: &str = include_str!("../src/wasm/front.js");

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
    // The wasm exports (names starting with `__` are the glue's own), and the
    // JS front that scripts/inject-front.mjs adds to the glue (evaluateStops).
    let mut exported: Vec<&str> = BINDING
        .split("js_name = ")
        .skip(1)
        .map(|rest| rest.split([',', ')']).next().unwrap().trim())
        .filter(|name| !name.starts_with("__"))
        .collect();
    let front: Vec<&str> = FRONT.lines().filter_map(|line| line.strip_prefix("const ")?.split(" = ").next()).collect();
    assert_eq!(front, ["evaluateStops"], "src/wasm/front.js defines one top-level function");
    exported.extend(front);
    assert!(exported.len() > 1, "no exports found in src/wasm/");
    let mut declared: Vec<&str> =
        DECLARATIONS.split("export function ").skip(1).map(|rest| rest.split('(').next().unwrap().trim()).collect();
    exported.sort();
    declared.sort();
    assert_eq!(declared, exported, "api.d.ts declares other functions than the package exports");
    for name in BINDING.split("js_name = ").skip(1).map(|rest| rest.split([',', ')']).next().unwrap().trim()) {
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

/// The object types a member's type can hold: an inline `{ ... }`, or the
/// declared interfaces it names (`Notice<BlockCode> | null`, `A[] | B[]`).
fn object_types(ty: &str) -> Vec<(String, Vec<Member>)> {
    if ty.trim_start().starts_with('{') {
        return vec![(ty.to_string(), inline(ty))];
    }
    let source = source();
    ty.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .filter(|word| {
            source
                .match_indices(&format!("export interface {word}"))
                .any(|(start, _)| source[start + 17 + word.len()..].starts_with([' ', '<']))
        })
        .map(|word| (word.to_string(), interface(word)))
        .collect()
}

/// Checks the witnesses against `declared`, then every nested object against
/// the type its member declares, all the way down: a field added on either
/// side, at any depth, fails here.
fn check_tree(what: &str, declared: &[Member], witnesses: &[&Value]) {
    assert_keys(what, declared, witnesses);
    for m in declared {
        let nested = at(witnesses, &m.key);
        let nested: Vec<&Value> = nested.into_iter().filter(|v| v.is_object()).collect();
        if nested.is_empty() {
            continue;
        }
        let types = object_types(&m.ty);
        let here = format!("{what}.{}", m.key);
        match types.as_slice() {
            [] => panic!("{here}: Rust serialises objects, but api.d.ts declares {}", m.ty),
            [(_, members)] => check_tree(&here, members, &nested),
            // A union of object types: each witness goes with the type whose keys it has.
            several => {
                for witness in nested {
                    let keys: BTreeSet<&str> =
                        witness.as_object().into_iter().flatten().map(|(k, _)| k.as_str()).collect();
                    let fitting = several
                        .iter()
                        .find(|(_, members)| members.iter().map(|m| m.key.as_str()).collect::<BTreeSet<_>>() == keys);
                    let (name, members) = fitting.unwrap_or_else(|| panic!("{here}: {witness} fits none of {}", m.ty));
                    check_tree(&format!("{here} ({name})"), members, &[witness]);
                }
            }
        }
    }
}

#[test]
fn decisions_serialise_exactly_the_declared_keys() {
    let decisions = decisions();
    let decisions: Vec<&Value> = decisions.iter().collect();
    check_tree("StopDecision", &interface("StopDecision"), &decisions);
}

#[test]
fn plans_serialise_exactly_the_declared_keys() {
    let plans = plans();
    check_tree("StopPlan", &interface("StopPlan"), &plans.iter().collect::<Vec<_>>());
    let delete_plans: Vec<Value> = section(&corpus(), "delete_plans")
        .iter()
        .map(|case| parse(&plan_delete_json(&case["input"].to_string()).expect("corpus delete plan input")))
        .collect();
    check_tree("DeletePlan", &interface("DeletePlan"), &delete_plans.iter().collect::<Vec<_>>());
}

#[test]
fn the_matrix_serialises_exactly_the_declared_keys() {
    let matrices: Vec<Value> = Lang::ALL.iter().map(|lang| parse(&matrix_json(*lang))).collect();
    check_tree("StopMatrix", &interface("StopMatrix"), &matrices.iter().collect::<Vec<_>>());
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
    // `StopTaskInput` is `V3TaskInput | V5TaskInput`; V3TaskInput declares every field (TaskFields, both kinds).
    for m in interface("V3TaskInput").into_iter().filter(|m| m.key != "name") {
        let wrong = if m.ty.starts_with("boolean") { json!("yes") } else { json!(7) };
        // `job_type` is read only when `db_use_type` is not given.
        let kind = if m.key == "job_type" { "job_type_unused" } else { "db_use_type" };
        let mut task = json!({ kind: "sync", "status": "CREATING" });
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
