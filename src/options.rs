//! The options every entry point takes besides its input: the language of
//! the messages and the user's permission policy.

use crate::lang::Lang;
use crate::policy::Policy;

/// Options of an evaluation (and the defaults of a plan whose input omits
/// `lang` or `policy`). `EvaluateOptions::default()` is `en-us` and
/// `FullAccess`; a bare [`Lang`] converts into options with the default
/// policy, so `evaluate_stop(&task, Lang::ZhCn)` works as before.
///
/// ```
/// use drs_stop_rules::{evaluate_stop, EvaluateOptions, Lang, Policy, StopTask};
///
/// let task = StopTask::new("sync", "INCRE_TRANSFER_STARTED");
/// let options = EvaluateOptions::new(Lang::ZhCn).with_policy(Policy::ReadOnlyAccess);
/// let decision = evaluate_stop(&task, options);
/// assert_eq!(decision.blocked.map(|b| b.code.as_str()), Some("NO_PERMISSION"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct EvaluateOptions {
    pub lang: Lang,
    pub policy: Policy,
    /// For lists (`evaluate_stops`, `evaluateStops`, `evaluate --children`):
    /// also decide every task in each task's `children`, depth-first, after
    /// its parent and with `parent_id` set. A single evaluation ignores it.
    pub children: bool,
}

impl EvaluateOptions {
    /// Options in `lang`, with the default policy (`FullAccess`).
    pub fn new(lang: Lang) -> EvaluateOptions {
        EvaluateOptions { lang, policy: Policy::default(), children: false }
    }

    /// The same options under another policy.
    pub fn with_policy(self, policy: Policy) -> EvaluateOptions {
        EvaluateOptions { policy, ..self }
    }

    /// The same options, deciding nested children too (or not).
    pub fn with_children(self, children: bool) -> EvaluateOptions {
        EvaluateOptions { children, ..self }
    }
}

impl From<Lang> for EvaluateOptions {
    fn from(lang: Lang) -> EvaluateOptions {
        EvaluateOptions::new(lang)
    }
}

impl From<&EvaluateOptions> for EvaluateOptions {
    fn from(options: &EvaluateOptions) -> EvaluateOptions {
        options.clone()
    }
}
