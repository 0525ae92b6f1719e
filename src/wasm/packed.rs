//! The tasks front.js has no template for yet, as it read them, packed for
//! one call per batch (`__stopTemplates`): a call into wasm, and each value
//! read back out of JS, costs far more on a first batch than deciding does.
//!
//! `texts` is every string read, one after another; `numbers` says, task by
//! task, what they were:
//!
//! ```text
//! flags                 network_abnormal 1, configuration_failed 2,
//!                       is_parent true 4 / false 8, multi_write 16
//! children              the length of `children` (0 when not given)
//! 6 strings             db_use_type, job_type, status, engine_type,
//!                       task_type, job_mode_role: each its length in
//!                       UTF-16 units (as JS counts), or -1 for null/undefined
//! 2 action lists        available_actions, unavailable_actions: each -1
//!                       for null/undefined, or its length n and then the
//!                       length of each of its n names
//! ```
//!
//! What the values mean is said by the reader's own code (`kind_of`,
//! `parent_of`, `BackendVerdict::note`), as for a task read field by field.

use crate::api_item::{kind_of, parent_of};
use crate::backend::{ActionList, BackendVerdict};
use crate::error::{InputError, ReadResult};
use crate::input::StopTask;

/// Reads the packed tasks one at a time.
pub(super) struct PackedTasks<'a> {
    texts: &'a str,
    numbers: &'a [i32],
}

impl<'a> PackedTasks<'a> {
    pub(super) fn new(texts: &'a str, numbers: &'a [i32]) -> PackedTasks<'a> {
        PackedTasks { texts, numbers }
    }

    /// The next task, `None` after the last one.
    pub(super) fn next_task(&mut self) -> ReadResult<Option<StopTask>> {
        if self.numbers.is_empty() {
            return Ok(None);
        }
        self.task().map(Some).ok_or_else(malformed)
    }

    // Below, `None` means the numbers or the texts are not as front.js packs them.

    fn number(&mut self) -> Option<i32> {
        let (&first, rest) = self.numbers.split_first()?;
        self.numbers = rest;
        Some(first)
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    /// The next string, as many UTF-16 units long (JS's `length`) as the next number says.
    fn text(&mut self) -> Option<&'a str> {
        let units = self.count()?;
        let (mut counted, mut end) = (0, 0);
        for c in self.texts.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16();
            end += c.len_utf8();
        }
        if counted != units {
            return None;
        }
        let (text, rest) = self.texts.split_at(end);
        self.texts = rest;
        Some(text)
    }

    /// A string, or nothing (-1, for null or undefined).
    fn optional_text(&mut self) -> Option<Option<String>> {
        if self.numbers.first() == Some(&-1) {
            self.number();
            return Some(None);
        }
        Some(Some(self.text()?.to_string()))
    }

    fn note_list(&mut self, verdict: &mut BackendVerdict, list: ActionList) -> Option<()> {
        // -1: the list is null or undefined, which counts as empty.
        let count = usize::try_from(self.number()?).unwrap_or(0);
        for _ in 0..count {
            verdict.note(list, self.text()?);
        }
        Some(())
    }

    fn task(&mut self) -> Option<StopTask> {
        let flags = self.number()?;
        let children = self.count()?;
        let db_use_type = self.optional_text()?;
        let job_type = self.optional_text()?;
        let status = self.optional_text()??;
        let engine_type = self.optional_text()?;
        let task_type = self.optional_text()?;
        let job_mode_role = self.optional_text()?;
        let mut backend = BackendVerdict::default();
        self.note_list(&mut backend, ActionList::Available)?;
        self.note_list(&mut backend, ActionList::Unavailable)?;
        let is_parent_given = (flags & 12 != 0).then_some(flags & 4 != 0);
        Some(StopTask {
            id: None,
            db_use_type: kind_of(db_use_type, job_type, "").ok()?,
            status,
            engine_type,
            task_type,
            network_abnormal: flags & 1 != 0,
            configuration_failed: flags & 2 != 0,
            is_parent: parent_of(is_parent_given, children, job_mode_role.as_deref()),
            multi_write: flags & 16 != 0,
            backend,
            children: Vec::new(),
        })
    }
}

/// front.js packs what it read; anything else is a bug there, not bad input.
#[cold]
fn malformed() -> Box<InputError> {
    InputError::new("", "the packed tasks of evaluateStops are malformed").into()
}
