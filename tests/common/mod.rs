//! Shared by the corpus runners: loading tests/corpus/cases.json and the
//! corpus's partial match.
#![allow(dead_code)]

use serde_json::Value;

/// The case corpus, embedded so the wasm runners need no file system.
pub const CORPUS_JSON: &str = include_str!("../corpus/cases.json");

pub fn corpus() -> Value {
    serde_json::from_str(CORPUS_JSON).expect("tests/corpus/cases.json is valid JSON")
}

/// The cases of one section (`decisions`, `plans`, `errors`, `labels`).
pub fn section(corpus: &Value, name: &str) -> Vec<Value> {
    corpus[name].as_array().unwrap_or_else(|| panic!("corpus has no {name} section")).clone()
}

/// `expected` matches `actual` when every field `expected` lists matches
/// (objects), arrays have the same length and match element by element, and
/// everything else is equal. Returns the path of the first difference.
pub fn partial_match(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, want_value) in want {
                let here = format!("{path}.{key}");
                match have.get(key) {
                    Some(have_value) => partial_match(want_value, have_value, &here)?,
                    None => return Err(format!("{here}: missing, expected {want_value}")),
                }
            }
            Ok(())
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() != have.len() {
                return Err(format!("{path}: expected {} elements, got {}: {actual}", want.len(), have.len()));
            }
            for (i, (w, h)) in want.iter().zip(have).enumerate() {
                partial_match(w, h, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// The language a decision case asks for (`en-us` when it names none).
pub fn case_lang(case: &Value) -> &str {
    case["lang"].as_str().unwrap_or("en-us")
}

/// The policy a decision case asks for (`None`: the default, not passed).
pub fn case_policy(case: &Value) -> Option<&str> {
    case["policy"].as_str()
}

/// The cases whose `lang` is `lang` (`en-us` for those that name none).
pub fn cases_in<'a>(cases: &'a [Value], lang: &str) -> Vec<&'a Value> {
    cases.iter().filter(|case| case_lang(case) == lang).collect()
}

/// The options a group of decision cases shares: `lang` and `policy`.
pub type OptionKey = (String, Option<String>);

/// The decision cases grouped by (`lang`, `policy`), in first-seen order:
/// each group runs as one batch.
pub fn option_groups(cases: &[Value]) -> Vec<(OptionKey, Vec<&Value>)> {
    let mut groups: Vec<(OptionKey, Vec<&Value>)> = Vec::new();
    for case in cases {
        let key = (case_lang(case).to_string(), case_policy(case).map(str::to_string));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(case),
            None => groups.push((key, vec![case])),
        }
    }
    groups
}

/// Runs `check` on every case, then fails listing every case that failed
/// (one run reports them all, not just the first).
pub fn check_each<'a>(
    what: &str,
    cases: impl IntoIterator<Item = &'a Value>,
    mut check: impl FnMut(&Value) -> Result<(), String>,
) {
    let mut failures = Vec::new();
    let mut total = 0;
    for case in cases {
        total += 1;
        if let Err(message) = check(case) {
            failures.push(format!("{}: {message}", case["name"]));
        }
    }
    assert!(total > 0, "no {what} cases ran");
    assert!(failures.is_empty(), "{} of {total} {what} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Checks a batch of decisions (a JSON array, in the cases' order) against the cases' expectations.
pub fn check_batch(what: &str, cases: &[&Value], decisions: &Value) {
    let decisions = decisions.as_array().expect("an array in, an array out");
    assert_eq!(decisions.len(), cases.len(), "{what}: one decision per task");
    let mut next = decisions.iter();
    check_each(what, cases.iter().copied(), |case| match next.next() {
        Some(decision) => partial_match(&case["expect"], decision, ""),
        None => Err("no decision".to_string()),
    });
}

/// The options of a list case or an error case (`lang`, `policy`, `children`), as a JSON object.
pub fn case_options_json(case: &Value) -> Value {
    match &case["options"] {
        Value::Null => serde_json::json!({}),
        options => options.clone(),
    }
}

/// The same options as CLI flags.
pub fn case_options_flags(case: &Value) -> Vec<String> {
    let options = case_options_json(case);
    let mut flags = Vec::new();
    for name in ["lang", "policy"] {
        if let Some(value) = options[name].as_str() {
            flags.extend([format!("--{name}"), value.to_string()]);
        }
    }
    if options["children"] == true {
        flags.push("--children".to_string());
    }
    flags
}

/// An error (as JSON, with at least `code` and `path`) against an error case.
pub fn matches_error_case(case: &Value, error: &Value) -> Result<(), String> {
    partial_match(&serde_json::json!({"code": "INVALID_INPUT", "path": case["path"]}), error, "")
}
