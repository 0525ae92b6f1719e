//! The backend's own result codes and messages (not stop rules: those come,
//! with their messages, from the rules crate).

use drs_stop_rules::Lang;

/// The job id is not in the store (and was never deleted).
pub const TASK_NOT_FOUND: &str = "TASK_NOT_FOUND";
/// `delete_type` is none of `terminate`, `force_terminate`, `delete`.
pub const INVALID_DELETE_TYPE: &str = "INVALID_DELETE_TYPE";
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
