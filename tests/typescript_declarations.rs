//! The package's TypeScript declarations (src/wasm/api.d.ts) are written out
//! by hand so they can say more than `any`; these checks keep them from
//! drifting from the Rust code.

#![cfg(not(target_arch = "wasm32"))]

use drs_stop_rules::{AbnormalReason, Advice, BlockCode, Consequence, FollowUp};

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
    assert_eq!(exported.len(), 7, "{exported:?}");
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
