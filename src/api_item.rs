//! What real DRS list items carry besides the fields of section 1 (contract
//! section 10): v5's `job_type`, parents marked by `children` or
//! `job_mode_role`, the backend's `job_action`, and nested subtasks. The
//! explicit fields of section 1 win whenever they are given.

use std::cell::Cell;

use crate::backend::{ActionList, BackendVerdict};
use crate::error::{InputError, ReadResult};
use crate::input::{
    bounded_len, element, expect_object, field, index, join, missing, optional_flag, read_array, read_failed,
    read_task, string_field, wrong_field_type, wrong_type, InputValue, Shape, StopTask, MAX_TASKS, MAX_TASKS_TEXT,
};

/// How deep `children` may nest. DRS nests one level (parent, subtasks);
/// the bound keeps a self-referencing JS object from recursing forever.
pub const MAX_CHILD_DEPTH: usize = 32;
/// [`MAX_CHILD_DEPTH`] in messages, written out so the wasm formats no constant.
const MAX_CHILD_DEPTH_TEXT: &str = "32";

/// The kind: `db_use_type` when given (even unknown), else v5 `job_type`.
/// A missing kind is reported at `db_use_type`, the contract's name for it.
pub fn read_kind<V: InputValue>(value: &V, path: &str) -> ReadResult<String> {
    let db_use_type = string_field(value, path, "db_use_type")?;
    let job_type = match db_use_type {
        Some(_) => None,
        None => string_field(value, path, "job_type")?,
    };
    kind_of(db_use_type, job_type, path)
}

/// What [`read_kind`] makes of the values it read (`job_type` is read only
/// when `db_use_type` is not given).
pub fn kind_of(db_use_type: Option<String>, job_type: Option<String>, path: &str) -> ReadResult<String> {
    db_use_type.or(job_type).ok_or_else(|| missing(path, "db_use_type", "a string"))
}

/// Whether the task is a parent: `is_parent` when given; otherwise a
/// non-empty `children` array or `job_mode_role: "parent"`. (`master`,
/// `slave`, `child` are not parents, and only `multi_write` makes a task
/// dual-active.) `children` and `job_mode_role` are checked either way, so
/// a malformed one is an error whether or not `is_parent` is given.
pub fn read_parent<V: InputValue>(value: &V, path: &str) -> ReadResult<bool> {
    let children = children_count(value, path)?;
    let role = string_field(value, path, "job_mode_role")?;
    let given = optional_flag(value, path, "is_parent")?;
    Ok(parent_of(given, children, role.as_deref()))
}

/// What [`read_parent`] makes of the values it read: `is_parent` when given
/// (`None`: absent or nullish), otherwise the length of `children` and `job_mode_role`.
pub fn parent_of(is_parent: Option<bool>, children: usize, job_mode_role: Option<&str>) -> bool {
    is_parent
        .unwrap_or_else(|| children > 0 || job_mode_role.is_some_and(|role| role.trim().eq_ignore_ascii_case("parent")))
}

/// The length of `children` (0 when absent or null).
fn children_count<V: InputValue>(value: &V, path: &str) -> ReadResult<usize> {
    match field(value, path, "children")? {
        Some(children) if children.shape() == Shape::Array => {
            children.len().map_err(|reason| read_failed(&join(path, "children"), reason))
        }
        Some(children) if !children.is_nullish() => {
            Err(wrong_field_type(path, "children", "an array of tasks", &children))
        }
        _ => Ok(0),
    }
}

/// The backend's verdict from `job_action` (absent or null: no verdict; a
/// missing list counts as empty).
pub fn read_job_action<V: InputValue>(value: &V, path: &str) -> ReadResult<BackendVerdict> {
    let mut verdict = BackendVerdict::default();
    let action = match field(value, path, "job_action")? {
        Some(action) if !action.is_nullish() => action,
        _ => return Ok(verdict),
    };
    let action_path = join(path, "job_action");
    expect_object(&action, &action_path, "a job_action object")?;
    note_actions(&action, &action_path, "available_actions", ActionList::Available, &mut verdict)?;
    note_actions(&action, &action_path, "unavailable_actions", ActionList::Unavailable, &mut verdict)?;
    Ok(verdict)
}

/// Notes every action name of one of `job_action`'s lists (absent or null: none).
fn note_actions<V: InputValue>(
    action: &V,
    action_path: &str,
    name: &str,
    list: ActionList,
    verdict: &mut BackendVerdict,
) -> ReadResult<()> {
    let names = match field(action, action_path, name)? {
        Some(names) if !names.is_nullish() => names,
        _ => return Ok(()),
    };
    let list_path = join(action_path, name);
    let len = bounded_len(&names, &list_path, "an array of action names", "actions")?;
    for i in 0..len {
        let entry = element(&names, i, &list_path, i)?;
        match entry.as_string() {
            Some(action) => verdict.note(list, &action),
            None => return Err(wrong_type(&index(&list_path, i), "an action name string", entry.shape())),
        }
    }
    Ok(())
}

/// How many tasks one call may still read, children included: shared
/// references in JS could otherwise make a small object stand for an
/// exponential number of tasks.
pub struct TaskBudget(Cell<usize>);

impl Default for TaskBudget {
    fn default() -> TaskBudget {
        TaskBudget(Cell::new(MAX_TASKS))
    }
}

impl TaskBudget {
    fn take(&self, path: &str) -> ReadResult<()> {
        match self.0.get().checked_sub(1) {
            Some(left) => {
                self.0.set(left);
                Ok(())
            }
            None => Err(InputError::new(
                path,
                ["expected at most ", MAX_TASKS_TEXT, " tasks in all, children included"].concat(),
            )
            .into()),
        }
    }
}

/// Reads a task and, depth-first, every task in its `children` (errors at
/// paths such as `children[1].db_use_type`), for `children: true`.
pub fn read_task_tree<V: InputValue>(value: &V, path: &str, budget: &TaskBudget) -> ReadResult<StopTask> {
    read_tree_at(value, path, budget, 0)
}

/// Reads a list of tasks and, depth-first, every task in their `children`
/// (errors at paths such as `[0].children[1].db_use_type`), for `children: true`.
pub fn read_task_trees<V: InputValue>(tasks: &V, path: &str, budget: &TaskBudget) -> ReadResult<Vec<StopTask>> {
    read_trees_at(tasks, path, budget, 0)
}

fn read_trees_at<V: InputValue>(tasks: &V, path: &str, budget: &TaskBudget, depth: usize) -> ReadResult<Vec<StopTask>> {
    read_array(tasks, path, |task, task_path| read_tree_at(task, task_path, budget, depth))
}

fn read_tree_at<V: InputValue>(value: &V, path: &str, budget: &TaskBudget, depth: usize) -> ReadResult<StopTask> {
    budget.take(path)?;
    let mut task = read_task(value, path)?;
    let children = match field(value, path, "children")? {
        Some(children) if !children.is_nullish() => children,
        _ => return Ok(task),
    };
    let children_path = join(path, "children");
    if depth >= MAX_CHILD_DEPTH {
        let message = ["expected children nested at most ", MAX_CHILD_DEPTH_TEXT, " deep"].concat();
        return Err(InputError::new(children_path, message).into());
    }
    task.children = read_trees_at(&children, &children_path, budget, depth + 1)?;
    Ok(task)
}

#[cfg(test)]
mod tests {
    #[test]
    fn max_child_depth_text_is_max_child_depth() {
        assert_eq!(super::MAX_CHILD_DEPTH_TEXT, super::MAX_CHILD_DEPTH.to_string());
    }
}
