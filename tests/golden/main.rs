//! Golden answers. `rules_version` is pinned to a digest of every answer the
//! rules give (src/version.rs), and what users read is kept in reviewed files
//! (tests/snapshots/): every label, every message and the decision for every
//! kind x status. Both are recomputed here from the crate's own lists (kinds,
//! statuses, aliases, languages, policies), so a new status, alias, message,
//! flag rule or advice order changes them without anyone remembering to.
//!
//! When an answer changes on purpose, refresh and review the diff:
//!
//!     UPDATE_GOLDEN=1 cargo test --test golden
#![cfg(not(target_arch = "wasm32"))]

mod space;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use drs_stop_rules::rules_version;
use space::{AnswerSpace, REFRESH};

fn answers() -> &'static AnswerSpace {
    static SPACE: OnceLock<AnswerSpace> = OnceLock::new();
    SPACE.get_or_init(AnswerSpace::compute)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|value| value != "0" && !value.is_empty())
}

/// The line of src/version.rs that pins the digest.
fn digest_line(digest: &str) -> String {
    format!("const ANSWERS_DIGEST: &str = \"{digest}\";")
}

#[test]
fn rules_version_is_the_digest_of_every_answer() {
    let digest = answers().digest();
    let expected = format!("{}+{digest}", env!("CARGO_PKG_VERSION"));
    if rules_version() == expected {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/version.rs");
    if updating() {
        let source = std::fs::read_to_string(&path).expect("src/version.rs");
        let start = source.find("const ANSWERS_DIGEST").expect("src/version.rs pins ANSWERS_DIGEST");
        let end = start + source[start..].find('\n').expect("the line ends");
        let updated = format!("{}{}{}", &source[..start], digest_line(&digest), &source[end..]);
        std::fs::write(&path, updated).expect("write src/version.rs");
        eprintln!("updated src/version.rs: rules_version {expected} (was {})", rules_version());
        return;
    }
    panic!(
        "the rules answer differently than when rules_version was pinned:\n  pinned   {}\n  computed {expected}\n\
         Review the changed answers (tests/snapshots/ shows what users read), then run\n  {REFRESH}",
        rules_version()
    );
}

/// Compares a snapshot with its file, or writes it when updating.
fn check_snapshot(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if updating() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create tests/snapshots");
        std::fs::write(&path, text).expect("write the snapshot");
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    if stored == text {
        return;
    }
    let old: Vec<&str> = stored.lines().collect();
    let new: Vec<&str> = text.lines().collect();
    let first = old.iter().zip(&new).position(|(a, b)| a != b).unwrap_or(old.len().min(new.len()));
    let show = |lines: &[&str]| lines.iter().skip(first).take(6).map(|l| format!("    {l}")).collect::<Vec<_>>();
    panic!(
        "tests/snapshots/{name} is stale (first difference at line {}):\n  stored:\n{}\n  now:\n{}\n\
         If the change is intended, run\n  {REFRESH}\nand review the diff of tests/snapshots/ before committing.",
        first + 1,
        show(&old).join("\n"),
        show(&new).join("\n"),
    );
}

#[test]
fn every_label_per_kind_status_and_language() {
    check_snapshot("labels.txt", &answers().labels_snapshot());
}

#[test]
fn every_message_per_language() {
    for (lang, text) in answers().messages_snapshots() {
        check_snapshot(&format!("messages.{lang}.txt"), &text);
    }
}

#[test]
fn every_decision_per_kind_and_status() {
    check_snapshot("decisions.txt", &answers().decisions_snapshot());
}

#[test]
fn status_normalisation_and_aliases() {
    check_snapshot("statuses.txt", &answers().statuses_snapshot());
}

/// The snapshots would be worthless if they missed a code: every code of
/// every family must appear in the messages of some answer (NO_PERMISSION,
/// DUPLICATE_TASK and the delete codes included), in every language.
#[test]
fn the_answer_space_reaches_every_code() {
    let spelled: BTreeSet<&str> = space::every_code().into_iter().collect();
    for (lang, text) in answers().messages_snapshots() {
        let seen: BTreeSet<&str> = text.lines().filter_map(|line| line.split(' ').next()).collect();
        let missing: Vec<_> = spelled.iter().filter(|code| !seen.contains(*code)).collect();
        // Abnormal reasons carry no message; they are in decisions.txt.
        let missing: Vec<_> = missing.into_iter().filter(|code| !space::is_reason(code)).collect();
        assert!(missing.is_empty(), "{lang}: no answer in the space carries {missing:?}; widen tests/golden/space.rs");
    }
    for reason in space::reasons() {
        let quoted = format!("\"{reason}\"");
        assert!(answers().any_answer_contains(&quoted), "no answer in the space has the abnormal reason {reason}");
    }
}

/// A digest that cannot see a difference would pin nothing: changing one
/// answer anywhere changes it.
#[test]
fn the_digest_sees_a_single_changed_answer() {
    let space = answers();
    let original = space.digest();
    let mut changed = space.clone();
    changed.tamper_with_one_message();
    assert_ne!(changed.digest(), original);
    let mut reordered = space.clone();
    reordered.swap_two_answers();
    assert_ne!(reordered.digest(), original);
}
