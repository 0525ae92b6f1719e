//! `rules_version`: changes whenever the decision table changes, so a console
//! can tell whether its module and the backend decide alike.

use std::sync::OnceLock;

use crate::kind::TaskKind;
use crate::table::{Eligibility, STOP_TABLE};

/// Bump when the rules around the table change (the order of checks, modes,
/// consequences, advice, follow-ups), which the table's fingerprint cannot see.
const LOGIC_REVISION: u32 = 1;

/// `<crate version>+<fingerprint of the table and the logic revision>`.
pub fn rules_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| format!("{}+{:08x}", env!("CARGO_PKG_VERSION"), fingerprint()))
}

/// FNV-1a over a canonical text of the table: a stable, dependency-free digest.
fn fingerprint() -> u32 {
    let mut text = format!("logic:{LOGIC_REVISION};");
    for row in STOP_TABLE {
        text.push_str(row.status.as_str());
        for kind in TaskKind::ALL {
            let cell = row.cell(kind);
            text.push('|');
            text.push_str(match cell.eligibility {
                Eligibility::Normal => "normal",
                Eligibility::Force => "force",
                Eligibility::Blocked(code) => code.as_str(),
            });
            if cell.inferred {
                text.push('*');
            }
        }
        text.push(';');
    }
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}
