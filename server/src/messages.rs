//! The backend's own result codes and messages (not stop rules: those come,
//! with their messages, from the rules crate).

use drs_stop_rules::Lang;

/// The job id is not in the store (and was never deleted).
pub const TASK_NOT_FOUND: &str = "TASK_NOT_FOUND";
/// `delete_type` is none of `terminate`, `force_terminate`, `delete`.
pub const INVALID_DELETE_TYPE: &str = "INVALID_DELETE_TYPE";
/// `delete` on a task that is neither stopped nor failed at creation.
pub const TASK_NOT_DELETABLE: &str = "TASK_NOT_DELETABLE";
/// Any operation on a task that has been deleted.
pub const TASK_DELETED: &str = "TASK_DELETED";

pub fn task_not_found(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "无此任务。",
        Lang::EnUs => "No such task.",
    }
}

pub fn task_deleted(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "任务已删除。",
        Lang::EnUs => "The task has been deleted.",
    }
}

pub fn invalid_delete_type(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "delete_type 只能是 terminate、force_terminate 或 delete。",
        Lang::EnUs => "delete_type must be terminate, force_terminate or delete.",
    }
}

pub fn task_not_deletable(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "只能删除已结束或创建失败的任务，请先结束任务。",
        Lang::EnUs => "Only a stopped task or one whose creation failed can be deleted; stop the task first.",
    }
}
