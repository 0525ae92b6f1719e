//! `Status::parse` on arbitrary text: it never panics and is idempotent
//! (normalising the normalised text changes nothing), ignores ASCII case,
//! surrounding whitespace and any description after a colon.
#![no_main]

use drs_stop_rules::Status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let status = Status::parse(&raw);
    // Idempotent: a known status's code, or an unknown status's normalised
    // text, parses back to the same status.
    assert_eq!(Status::parse(status.as_str()), status, "not idempotent for {raw:?}");
    if let Status::Unknown(text) = &status {
        assert_eq!(Status::parse(text).as_str(), text, "unknown text renormalised differently for {raw:?}");
    }
    // What normalisation promises to ignore.
    assert_eq!(Status::parse(&raw.to_ascii_lowercase()), status, "case matters for {raw:?}");
    assert_eq!(Status::parse(&format!(" \t{raw}\n ")), status, "padding matters for {raw:?}");
    assert_eq!(Status::parse(&format!("{raw}：描述")), status, "a full-width description matters for {raw:?}");
    assert_eq!(Status::parse(&format!("{raw}: description")), status, "a description matters for {raw:?}");
});
