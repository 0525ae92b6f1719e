//! The stable codes a decision is made of. Their spellings are public API:
//! consoles, backends and tests match on them.

use serde::Serialize;

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(#[doc = $code] $variant,)*
        }

        impl $name {
            /// Every code of this family.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The code's spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }
        }

        // Serialized as the code's text. Written by hand: a derived impl
        // repeats the serializer call per variant, which wasm pays for in size.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl From<$name> for &'static str {
            fn from(code: $name) -> &'static str {
                code.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

code_enum! {
    /// Why Stop or Delete (or one stop mode, or a batch entry) is refused.
    BlockCode {
        UnknownKind => "UNKNOWN_KIND",
        UnknownStatus => "UNKNOWN_STATUS",
        NotStoppableInStatus => "NOT_STOPPABLE_IN_STATUS",
        OperationInProgress => "OPERATION_IN_PROGRESS",
        CreationFailed => "CREATION_FAILED",
        FaultBeingRectified => "FAULT_BEING_RECTIFIED",
        AlreadyStopping => "ALREADY_STOPPING",
        AlreadyStopped => "ALREADY_STOPPED",
        Deleted => "DELETED",
        ConfigurationFailed => "CONFIGURATION_FAILED",
        ParentTask => "PARENT_TASK",
        TaskAbnormal => "TASK_ABNORMAL",
        DuplicateTask => "DUPLICATE_TASK",
        StopFirst => "STOP_FIRST",
        NoPermission => "NO_PERMISSION",
        BackendRefused => "BACKEND_REFUSED",
    }
}

code_enum! {
    /// Why a stoppable task counts as abnormal (forced stop preselected).
    AbnormalReason {
        FailedStatus => "FAILED_STATUS",
        NetworkAbnormal => "NETWORK_ABNORMAL",
    }
}

code_enum! {
    /// What a stop mode does to the task.
    Consequence {
        Irreversible => "IRREVERSIBLE",
        TriggersAndEventsMigrated => "TRIGGERS_AND_EVENTS_MIGRATED",
        ResourcesReleasedAtOnce => "RESOURCES_RELEASED_AT_ONCE",
        TriggersAndEventsNotMigrated => "TRIGGERS_AND_EVENTS_NOT_MIGRATED",
        CheckSyncImpact => "CHECK_SYNC_IMPACT",
    }
}

code_enum! {
    /// Advice shown before a stoppable task is stopped.
    Advice {
        StopBeforeNetworkDisconnect => "STOP_BEFORE_NETWORK_DISCONNECT",
        RestoreFirst => "RESTORE_FIRST",
        CompareAndCutOverFirst => "COMPARE_AND_CUT_OVER_FIRST",
        LongPauseRisk => "LONG_PAUSE_RISK",
    }
}

code_enum! {
    /// Manual work left to do after a forced stop.
    FollowUp {
        MigrateTriggersAndEventsManually => "MIGRATE_TRIGGERS_AND_EVENTS_MANUALLY",
        PgSyncSequences => "PG_SYNC_SEQUENCES",
        PgDropReplicationSlots => "PG_DROP_REPLICATION_SLOTS",
        PgResetSessionReplicationRole => "PG_RESET_SESSION_REPLICATION_ROLE",
    }
}
