//! What the user is told: one sentence per code, per language. Some codes are
//! worded per task kind, because each console names its own work
//! ("migration", "synchronization", "disaster recovery").

use crate::codes::{Advice, BlockCode, Consequence, FollowUp};
use crate::kind::TaskKind;
use crate::lang::Lang;

/// The message for a refusal. `kind` is `None` when the kind is unknown.
pub fn block_message(code: BlockCode, kind: Option<TaskKind>, lang: Lang) -> &'static str {
    use BlockCode::*;
    let (en, zh) = match code {
        UnknownKind => (
            "This task kind is not known to this version of the stop rules, so Stop stays disabled. Update the console.",
            "当前版本的结束规则不认识该任务类型，为安全起见不允许结束。请更新控制台。",
        ),
        UnknownStatus => (
            "This task status is not known to this version of the stop rules, so Stop stays disabled. Refresh the list or update the console.",
            "当前版本的结束规则不认识该任务状态，为安全起见不允许结束。请刷新列表或更新控制台。",
        ),
        NotStoppableInStatus => (
            "A task in this status cannot be stopped.",
            "该状态的任务不支持结束。",
        ),
        OperationInProgress => (
            "Another operation is running on this task. Wait until it finishes, then stop the task.",
            "任务正在执行其他操作，请等待操作完成后再结束任务。",
        ),
        CreationFailed => (
            "The task was never created, so there is nothing to stop. Delete it instead.",
            "任务创建失败，无需结束，请直接删除该任务。",
        ),
        FaultBeingRectified => (
            "A fault on this task is being rectified. Stop it after the rectification finishes.",
            "任务正在进行故障恢复，请在恢复结束后再结束任务。",
        ),
        AlreadyStopping => (
            "The task is already being stopped.",
            "任务正在结束中。",
        ),
        AlreadyStopped => (
            "The task has already been stopped. It can only be deleted now.",
            "任务已结束，只能删除。",
        ),
        Deleted => (
            "The task has been deleted.",
            "任务已删除。",
        ),
        ConfigurationFailed => (
            "The task's configuration failed, so it cannot be stopped.",
            "任务配置失败，无法结束。",
        ),
        ParentTask => (
            "This is a parent task. Stop its subtasks instead; only dual-active disaster recovery tasks are stopped through the parent.",
            "这是父任务，请结束其子任务；只有双主灾备任务可以通过父任务结束。",
        ),
        TaskAbnormal => match kind {
            Some(TaskKind::Migration) => (
                "The task is abnormal, so a normal stop (which migrates triggers and events) is not possible. Restore the task first, or stop it forcibly.",
                "任务异常，无法正常结束（正常结束会迁移触发器和事件）。请先恢复任务，或强制结束。",
            ),
            _ => (
                "The task is abnormal, so a normal stop is not possible. Restore the task first, or stop it forcibly.",
                "任务异常，无法正常结束。请先恢复任务，或强制结束。",
            ),
        },
        DuplicateTask => (
            "This task appears more than once in the request; it is stopped only once.",
            "该任务在请求中重复出现，只结束一次。",
        ),
    };
    pick(lang, en, zh)
}

/// The message for a consequence of stopping.
pub fn consequence_message(code: Consequence, kind: TaskKind, lang: Lang) -> &'static str {
    use Consequence::*;
    let (en, zh) = match code {
        Irreversible => match kind {
            TaskKind::Migration => (
                "A stopped migration task can never be resumed; afterwards it can only be deleted.",
                "结束后的迁移任务无法再续传，之后只能删除。",
            ),
            TaskKind::Sync => (
                "A stopped synchronization task can never be retried; afterwards it can only be deleted.",
                "结束后的同步任务无法再重试，之后只能删除。",
            ),
            TaskKind::DisasterRecovery => (
                "A stopped disaster recovery task can never be reset; afterwards it can only be deleted.",
                "结束后的灾备任务无法再重置，之后只能删除。",
            ),
        },
        TriggersAndEventsMigrated => (
            "Triggers and events are migrated while the task stops. Keep the source and destination databases reachable until it has finished.",
            "结束过程中会迁移触发器和事件，请在结束完成前保持源库和目标库连接正常。",
        ),
        ResourcesReleasedAtOnce => (
            "The replication resources are released at once, without the normal completion steps.",
            "立即释放复制资源，不执行正常结束的收尾步骤。",
        ),
        TriggersAndEventsNotMigrated => (
            "Triggers and events are not migrated.",
            "不会迁移触发器和事件。",
        ),
        CheckSyncImpact => (
            "Data still in flight may not reach the destination. Verify that the destination is consistent before using it.",
            "尚未同步的数据可能不会写入目标库，请在使用前确认目标库数据一致。",
        ),
    };
    pick(lang, en, zh)
}

/// The message for a piece of advice.
pub fn advice_message(code: Advice, kind: TaskKind, lang: Lang) -> &'static str {
    use Advice::*;
    let (en, zh) = match code {
        StopBeforeNetworkDisconnect => (
            "Stop the task before you cut the network between the source database and the replication instance; otherwise an alarm is raised that the source cannot be reached.",
            "请先结束任务，再断开源库与复制实例之间的网络，否则会产生源库无法连接的告警。",
        ),
        RestoreFirst => match kind {
            TaskKind::Migration => (
                "If you want a normal stop, which also migrates triggers and events, resume the task first and stop it once it runs normally.",
                "如需正常结束（同时迁移触发器和事件），请先续传任务，待其恢复正常后再结束。",
            ),
            _ => (
                "If you want a normal stop, resume or retry the task first and stop it once it runs normally.",
                "如需正常结束，请先续传或重试任务，待其恢复正常后再结束。",
            ),
        },
        CompareAndCutOverFirst => (
            "Compare the source and destination data and finish your service cut-over before stopping.",
            "结束前请先完成数据对比和业务割接。",
        ),
        LongPauseRisk => (
            "The task has been paused; after a long pause it may fail to resume.",
            "任务处于暂停状态，暂停时间过长可能导致无法续传。",
        ),
    };
    pick(lang, en, zh)
}

/// The message for a follow-up after a forced stop.
pub fn follow_up_message(code: FollowUp, lang: Lang) -> &'static str {
    use FollowUp::*;
    let (en, zh) = match code {
        MigrateTriggersAndEventsManually => (
            "Create the triggers and events in the destination database yourself.",
            "请在目标库中手动创建触发器和事件。",
        ),
        PgSyncSequences => (
            "Bring the destination's sequence values up to date with the source.",
            "请将目标库序列的值与源库保持一致。",
        ),
        PgDropReplicationSlots => (
            "Drop the replication slots the task left in the source database, or they keep write-ahead log from being removed.",
            "请删除任务在源库中遗留的复制槽，否则会导致源库 WAL 日志堆积。",
        ),
        PgResetSessionReplicationRole => (
            "If the destination's session_replication_role is still replica, set it back to origin so triggers and foreign keys apply again.",
            "如果目标库的 session_replication_role 仍为 replica，请改回 origin，使触发器和外键重新生效。",
        ),
    };
    pick(lang, en, zh)
}

fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::EnUs => en,
        Lang::ZhCn => zh,
    }
}
