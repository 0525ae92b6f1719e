//! What the user is told: one sentence per code, per language. Some codes are
//! worded per task kind, because each console names its own work
//! ("migration", "synchronization", "disaster recovery").

use std::borrow::Cow;

use crate::action::Action;
use crate::codes::{Advice, BlockCode, Consequence, FollowUp};
use crate::kind::TaskKind;
use crate::lang::Lang;
use crate::policy::Policy;

/// What a refusal's message depends on besides its code.
#[derive(Debug, Clone, Copy)]
pub struct Refusal<'a> {
    /// The button refused.
    pub action: Action,
    /// `None` when the kind is unknown.
    pub kind: Option<TaskKind>,
    /// Named by `NO_PERMISSION`.
    pub policy: &'a Policy,
    pub lang: Lang,
}

/// The message for a refusal. Only `NO_PERMISSION` is built per call (it
/// names the policy as given); every other message is a constant.
pub fn block_message(code: BlockCode, refusal: Refusal) -> Cow<'static, str> {
    match code {
        BlockCode::NoPermission => Cow::Owned(no_permission_message(refusal.policy, refusal.action, refusal.lang)),
        _ => Cow::Borrowed(fixed_block_message(code, refusal.action, refusal.kind, refusal.lang)),
    }
}

fn no_permission_message(policy: &Policy, action: Action, lang: Lang) -> String {
    let (before, after) = match (action, lang) {
        (Action::Stop, Lang::EnUs) => (
            "Your permission policy \"",
            "\" does not allow stopping tasks. Ask an administrator for a policy that does.",
        ),
        (Action::Delete, Lang::EnUs) => (
            "Your permission policy \"",
            "\" does not allow deleting tasks. Ask an administrator for a policy that does.",
        ),
        (Action::Stop, Lang::ZhCn) => ("您的权限策略“", "”不允许结束任务，请联系管理员授予相应权限。"),
        (Action::Delete, Lang::ZhCn) => ("您的权限策略“", "”不允许删除任务，请联系管理员授予相应权限。"),
    };
    [before, policy.as_str(), after].concat()
}

fn fixed_block_message(code: BlockCode, action: Action, kind: Option<TaskKind>, lang: Lang) -> &'static str {
    use BlockCode::*;
    let (en, zh) = match (code, action) {
        (UnknownKind, Action::Stop) => (
            "This task kind is not known to this version of the stop rules, so Stop stays disabled. Update the console.",
            "当前版本的结束规则不认识该任务类型，为安全起见不允许结束。请更新控制台。",
        ),
        (UnknownKind, Action::Delete) => (
            "This task kind is not known to this version of the rules, so Delete stays disabled. Update the console.",
            "当前版本的规则不认识该任务类型，为安全起见不允许删除。请更新控制台。",
        ),
        (UnknownStatus, Action::Stop) => (
            "This task status is not known to this version of the stop rules, so Stop stays disabled. Refresh the list or update the console.",
            "当前版本的结束规则不认识该任务状态，为安全起见不允许结束。请刷新列表或更新控制台。",
        ),
        (UnknownStatus, Action::Delete) => (
            "This task status is not known to this version of the rules, so Delete stays disabled. Refresh the list or update the console.",
            "当前版本的规则不认识该任务状态，为安全起见不允许删除。请刷新列表或更新控制台。",
        ),
        (NotStoppableInStatus, _) => (
            "A task in this status cannot be stopped.",
            "该状态的任务不支持结束。",
        ),
        (OperationInProgress, _) => (
            "Another operation is running on this task. Wait until it finishes, then stop the task.",
            "任务正在执行其他操作，请等待操作完成后再结束任务。",
        ),
        (CreationFailed, _) => (
            "The task was never created, so there is nothing to stop. Delete it instead.",
            "任务创建失败，无需结束，请直接删除该任务。",
        ),
        (FaultBeingRectified, _) => (
            "A fault on this task is being rectified. Stop it after the rectification finishes.",
            "任务正在进行故障恢复，请在恢复结束后再结束任务。",
        ),
        (AlreadyStopping, _) => (
            "The task is already being stopped.",
            "任务正在结束中。",
        ),
        (AlreadyStopped, _) => (
            "The task has already been stopped. It can only be deleted now.",
            "任务已结束，只能删除。",
        ),
        (Deleted, _) => (
            "The task has been deleted.",
            "任务已删除。",
        ),
        (ConfigurationFailed, _) => (
            "The task's configuration failed, so it cannot be stopped.",
            "任务配置失败，无法结束。",
        ),
        (ParentTask, Action::Stop) => (
            "This is a parent task. Stop its subtasks instead; only dual-active disaster recovery tasks are stopped through the parent.",
            "这是父任务，请结束其子任务；只有双主灾备任务可以通过父任务结束。",
        ),
        (ParentTask, Action::Delete) => (
            "This is a parent task. Delete its subtasks instead; only dual-active disaster recovery tasks are deleted through the parent.",
            "这是父任务，请删除其子任务；只有双主灾备任务可以通过父任务删除。",
        ),
        (TaskAbnormal, _) => match kind {
            Some(TaskKind::Migration) => (
                "The task is abnormal, so a normal stop (which migrates triggers and events) is not possible. Restore the task first, or stop it forcibly.",
                "任务异常，无法正常结束（正常结束会迁移触发器和事件）。请先恢复任务，或强制结束。",
            ),
            _ => (
                "The task is abnormal, so a normal stop is not possible. Restore the task first, or stop it forcibly.",
                "任务异常，无法正常结束。请先恢复任务，或强制结束。",
            ),
        },
        (DuplicateTask, Action::Stop) => (
            "This task appears more than once in the request; it is stopped only once.",
            "该任务在请求中重复出现，只结束一次。",
        ),
        (DuplicateTask, Action::Delete) => (
            "This task appears more than once in the request; it is deleted only once.",
            "该任务在请求中重复出现，只删除一次。",
        ),
        (StopFirst, _) => (
            "Only a task that has been stopped, or whose creation failed, can be deleted. Stop this task first and wait until the stop has finished.",
            "只能删除已结束或创建失败的任务。请先结束该任务，并等待结束完成。",
        ),
        (BackendRefused, Action::Stop) => (
            "The DRS service does not offer Stop for this task right now, although these rules would allow it. Refresh the list; if it stays so, check the task in the DRS console.",
            "DRS 服务当前不允许结束该任务（尽管本规则允许）。请刷新列表；如果仍然如此，请在 DRS 控制台中检查该任务。",
        ),
        (BackendRefused, Action::Delete) => (
            "The DRS service does not offer Delete for this task right now, although these rules would allow it. Refresh the list; if it stays so, check the task in the DRS console.",
            "DRS 服务当前不允许删除该任务（尽管本规则允许）。请刷新列表；如果仍然如此，请在 DRS 控制台中检查该任务。",
        ),
        // Built per call, with the policy's name (see `no_permission_message`).
        (NoPermission, _) => ("", ""),
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
