//! `rules_version`: changes whenever the decision table changes, so a console
//! can tell whether its module and the backend decide alike.

use crate::kind::TaskKind;
use crate::table::{Eligibility, STOP_TABLE};

/// Bump when the rules around the table change (the order of checks, modes,
/// consequences, advice, follow-ups), which the table's fingerprint cannot see.
const LOGIC_REVISION: u32 = 1;

/// The table's fingerprint, computed at compile time.
const FINGERPRINT: u32 = fingerprint();

/// `<crate version>+<fingerprint of the table and the logic revision>`.
pub fn rules_version() -> String {
    format!("{}+{:08x}", env!("CARGO_PKG_VERSION"), FINGERPRINT)
}

/// FNV-1a over every cell of the table (status, kind, rule, inferred mark)
/// and the logic revision: a stable, dependency-free digest.
const fn fingerprint() -> u32 {
    let mut hash = fnv(0x811c_9dc5, &LOGIC_REVISION.to_le_bytes());
    let mut r = 0;
    while r < STOP_TABLE.len() {
        let row = &STOP_TABLE[r];
        hash = fnv(hash, row.status.as_str().as_bytes());
        let mut k = 0;
        while k < TaskKind::ALL.len() {
            let cell = row.cell(TaskKind::ALL[k]);
            let rule = match cell.eligibility {
                Eligibility::Normal => "|normal",
                Eligibility::Force => "|force",
                Eligibility::Blocked(code) => code.as_str(),
            };
            hash = fnv(hash, rule.as_bytes());
            hash = fnv(hash, if cell.inferred { b"*" } else { b"." });
            k += 1;
        }
        r += 1;
    }
    hash
}

const fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}
