//! Status labels: the name each console shows for a status code.

use crate::kind::TaskKind::{self, *};
use crate::lang::Lang;
use crate::status::Status;
use crate::status::StatusCode::{self, *};

/// The label a console shows for a raw `db_use_type` and `status`: the
/// console's name when both are known, otherwise the status as the API sent it.
pub fn status_label(db_use_type: &str, status: &str, lang: Lang) -> String {
    label_for(TaskKind::from_db_use_type(db_use_type), &Status::parse(status), status, lang)
}

/// [`status_label`] for an already parsed kind and status.
pub(crate) fn label_for(kind: Option<TaskKind>, status: &Status, raw: &str, lang: Lang) -> String {
    match (kind, status) {
        (Some(kind), Status::Known(code)) => known_label(kind, *code, lang).to_string(),
        _ => raw.to_string(),
    }
}

/// The console's label for a known status, in one language.
pub fn known_label(kind: TaskKind, status: StatusCode, lang: Lang) -> &'static str {
    let (en, zh) = label_pair(kind, status);
    match lang {
        Lang::EnUs => en,
        Lang::ZhCn => zh,
    }
}

fn label_pair(kind: TaskKind, status: StatusCode) -> (&'static str, &'static str) {
    match (status, kind) {
        (Creating, _) => ("Creating", "创建中"),
        (CreateFailed, _) => ("Task creation failed", "创建失败"),
        (Configuration, _) => ("Configuration", "配置中"),
        (WaitingForStart, _) => ("Pending start", "等待启动"),
        (StartJobing, _) => ("Starting", "启动中"),
        (StartJobFailed, _) => ("Start failed", "启动失败"),
        (FullTransferStarted, Migration) => ("Full migration", "全量迁移中"),
        (FullTransferStarted, Sync) => ("Full synchronization", "全量同步中"),
        (FullTransferStarted, DisasterRecovery) => ("Initializing", "初始化中"),
        (FullTransferComplete, Migration) => ("Full migration completed", "全量迁移完成"),
        (FullTransferComplete, Sync) => ("Full synchronization completed", "全量同步完成"),
        (FullTransferComplete, DisasterRecovery) => ("Initialization completed", "初始化完成"),
        (FullTransferFailed, Migration) => ("Full migration failed", "全量迁移失败"),
        (FullTransferFailed, Sync) => ("Full synchronization failed", "全量同步失败"),
        (FullTransferFailed, DisasterRecovery) => ("Initialization failed", "初始化失败"),
        (IncreTransferStarted, Migration) => ("Incremental migration", "增量迁移中"),
        (IncreTransferStarted, Sync) => ("Incremental synchronization", "增量同步中"),
        (IncreTransferStarted, DisasterRecovery) => ("Disaster recovery in progress", "灾备中"),
        (IncreTransferFailed, Migration) => ("Incremental migration failed", "增量迁移失败"),
        (IncreTransferFailed, Sync) => ("Incremental synchronization failed", "增量同步失败"),
        (IncreTransferFailed, DisasterRecovery) => ("Disaster recovery failed", "灾备异常"),
        (Pausing, _) => ("Paused", "已暂停"),
        (RebuildNodeStarted, _) => ("Fault rectification", "故障恢复中"),
        (RebuildNodeFailed, _) => ("Fault rectification failed", "故障恢复失败"),
        (ReleaseResourceStarted, Migration) => ("Stopping", "结束中"),
        (ReleaseResourceStarted, _) => ("Task stopping", "结束中"),
        (ReleaseResourceFailed, _) => ("Stopping task failed", "结束任务失败"),
        (ReleaseResourceComplete, _) => ("Completed", "已结束"),
        (Deleted, _) => ("Deleted", "已删除"),
        (ChangeJobStarted, _) => ("Modifying task", "任务变更中"),
        (ChangeJobFailed, _) => ("Modifying task failed", "任务变更失败"),
        (ChildTransferStarting, _) => ("Subtask starting", "子任务启动中"),
        (ChildTransferStarted, _) => ("Subtask in progress", "子任务进行中"),
        (ChildTransferComplete, _) => ("Subtask transfer completed", "子任务传输完成"),
        (ChildTransferFailed, _) => ("Subtask failed", "子任务失败"),
        (ReleaseChildTransferStarted, _) => ("Subtask stopping", "子任务结束中"),
        (ReleaseChildTransferComplete, _) => ("Subtask completed", "子任务已结束"),
        (NodeUpgradeStart, _) => ("Upgrading node", "节点升级中"),
        (NodeUpgradeComplete, _) => ("Node upgrade completed", "节点升级完成"),
        (NodeUpgradeFailed, _) => ("Node upgrade failed", "节点升级失败"),
    }
}
