//! DRS task status codes and the normalisation applied before any rule.

use serde::Serialize;

use crate::description::code_part;

macro_rules! status_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// A task status code this version of the rules knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum StatusCode {
            $(#[doc = $code] $variant,)*
        }

        impl StatusCode {
            /// Every known code, in the eligibility table's order.
            pub const ALL: &'static [StatusCode] = &[$(StatusCode::$variant,)*];

            /// The API's spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $(StatusCode::$variant => $code,)* }
            }
        }

        // Serialized as the code's text. Written by hand: a derived impl
        // repeats the serializer call per variant, which wasm pays for in size.
        impl Serialize for StatusCode {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

status_codes! {
    Creating => "CREATING",
    Configuration => "CONFIGURATION",
    WaitingForStart => "WAITING_FOR_START",
    StartJobing => "STARTJOBING",
    StartJobFailed => "START_JOB_FAILED",
    CreateFailed => "CREATE_FAILED",
    FullTransferStarted => "FULL_TRANSFER_STARTED",
    FullTransferComplete => "FULL_TRANSFER_COMPLETE",
    FullTransferFailed => "FULL_TRANSFER_FAILED",
    IncreTransferStarted => "INCRE_TRANSFER_STARTED",
    IncreTransferFailed => "INCRE_TRANSFER_FAILED",
    Pausing => "PAUSING",
    RebuildNodeStarted => "REBUILD_NODE_STARTED",
    RebuildNodeFailed => "REBUILD_NODE_FAILED",
    ReleaseResourceStarted => "RELEASE_RESOURCE_STARTED",
    ReleaseResourceFailed => "RELEASE_RESOURCE_FAILED",
    ReleaseResourceComplete => "RELEASE_RESOURCE_COMPLETE",
    Deleted => "DELETED",
    ChangeJobStarted => "CHANGE_JOB_STARTED",
    ChangeJobFailed => "CHANGE_JOB_FAILED",
    ChildTransferStarting => "CHILD_TRANSFER_STARTING",
    ChildTransferStarted => "CHILD_TRANSFER_STARTED",
    ChildTransferComplete => "CHILD_TRANSFER_COMPLETE",
    ChildTransferFailed => "CHILD_TRANSFER_FAILED",
    ReleaseChildTransferStarted => "RELEASE_CHILD_TRANSFER_STARTED",
    ReleaseChildTransferComplete => "RELEASE_CHILD_TRANSFER_COMPLETE",
    NodeUpgradeStart => "NODE_UPGRADE_START",
    NodeUpgradeComplete => "NODE_UPGRADE_COMPLETE",
    NodeUpgradeFailed => "NODE_UPGRADE_FAILED",
}

/// Spellings that some API pages and SDKs use for a canonical code (public
/// so tests and the fuzzer enumerate them from here, never from a copy).
pub const STATUS_ALIASES: &[(&str, StatusCode)] = &[
    // The batch-status API spells the pause code this way.
    ("PAUSEING", StatusCode::Pausing),
    // Consoles show PAUSING as "Paused"; some clients send that.
    ("PAUSED", StatusCode::Pausing),
    // The change-password API page spells the start failure without the underscore.
    ("STARTJOB_FAILED", StatusCode::StartJobFailed),
];

/// A status after normalisation: a known code, or the normalised text of one
/// this version does not know (a newer backend may send more).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Status {
    Known(StatusCode),
    Unknown(String),
}

impl Status {
    /// Normalises a raw status: trims it, drops a trailing description after
    /// a colon (ASCII or full-width, as in `"CREATING：创建中"`), compares
    /// case-insensitively and resolves aliases.
    pub fn parse(raw: &str) -> Status {
        let code = code_part(raw);
        // Every spelling is upper case ASCII: comparing case-insensitively is
        // comparing the upper-cased code, without building it.
        let spelled = |spelling: &str| spelling.eq_ignore_ascii_case(code);
        match StatusCode::ALL.iter().find(|known| spelled(known.as_str())) {
            Some(known) => Status::Known(*known),
            None => match STATUS_ALIASES.iter().find(|(alias, _)| spelled(alias)) {
                Some((_, known)) => Status::Known(*known),
                None => Status::Unknown(code.to_ascii_uppercase()),
            },
        }
    }

    /// The normalised code as text.
    pub fn as_str(&self) -> &str {
        match self {
            Status::Known(code) => code.as_str(),
            Status::Unknown(text) => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_codes_round_trip() {
        for code in StatusCode::ALL {
            assert_eq!(Status::parse(code.as_str()), Status::Known(*code));
        }
    }

    #[test]
    fn spellings_are_upper_case_ascii() {
        // `Status::parse` compares case-insensitively on this assumption.
        let spellings =
            StatusCode::ALL.iter().map(|code| code.as_str()).chain(STATUS_ALIASES.iter().map(|(alias, _)| *alias));
        for spelling in spellings {
            assert!(spelling.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'), "{spelling}");
        }
    }

    #[test]
    fn normalisation_trims_lowercases_and_drops_descriptions() {
        assert_eq!(Status::parse("  creating "), Status::Known(StatusCode::Creating));
        assert_eq!(Status::parse("CREATING：创建中"), Status::Known(StatusCode::Creating));
        assert_eq!(Status::parse("incre_transfer_failed: oops"), Status::Known(StatusCode::IncreTransferFailed));
        assert_eq!(Status::parse("Pauseing"), Status::Known(StatusCode::Pausing));
        assert_eq!(Status::parse("PAUSED"), Status::Known(StatusCode::Pausing));
        assert_eq!(Status::parse("startjob_failed"), Status::Known(StatusCode::StartJobFailed));
        assert_eq!(Status::parse(""), Status::Unknown(String::new()));
        assert_eq!(Status::parse("  :x"), Status::Unknown(String::new()));
        assert_eq!(Status::parse("warp_speed"), Status::Unknown("WARP_SPEED".into()));
    }
}
