// The batch dialogs: the package's plan for the selection says which tasks
// stop normally, which forcibly, which are deleted and which not at all (and
// why). OK sends exactly the plan's request.

// A namespace import: a package without planDelete still loads (Delete is then not offered).
import * as rules from "/pkg/index.js";
import { h, present } from "./dom.js";
import { t } from "./i18n.js";
import { addConfirmButtons, showModal } from "./modal.js";

/**
 * @param {{ action: "stop" | "delete", tasks: object[], lang: string, plan: (lang: string) => object,
 *           returnFocus: () => HTMLElement | null, onConfirm: (plan: object) => Promise<void>, onClose?: () => void }} options
 *   `plan(lang)`: the package's plan for the selection.
 * @returns {{ relabel: (lang: string) => void, close: () => void }}
 */
export function openBatchDialog({ action, tasks, lang, plan: makePlan, returnFocus, onConfirm, onClose }) {
  const modal = showModal({ returnFocus, onClose });
  const names = new Map(tasks.map((task) => [task.id, typeof task.name === "string" && task.name ? task.name : task.id]));
  let plan = null;

  const buttons = addConfirmButtons(modal, { confirm: () => onConfirm(plan), render: () => render() });
  const { ok, cancel } = buttons;

  function group(kind, heading, entries, describe) {
    if (entries.length === 0) return null;
    return h("section", { class: `plan-group plan-${kind}`, dataset: { batchGroup: kind } },
      h("h3", { text: heading }),
      h("ul", {}, entries.map((entry) => h("li", { dataset: { taskId: entry.id } },
        h("span", { class: "task-name-text", text: names.get(entry.id) ?? entry.id }),
        describe ? describe(entry) : null))));
  }

  function render() {
    modal.keepingFocus(build);
  }

  function build() {
    plan = makePlan(lang);
    modal.title.textContent = t(lang, `batch.title.${action}`);
    modal.closeButton.setAttribute("aria-label", t(lang, "dialog.close"));
    ok.textContent = t(lang, buttons.sending ? `dialog.sending.${action}` : "dialog.ok");
    ok.disabled = plan.accepted.length === 0;
    ok.setAttribute("aria-disabled", String(buttons.sending));
    cancel.textContent = t(lang, "dialog.cancel");
    const accepted = action === "stop"
      ? [group("normal", t(lang, "batch.normal", { count: countOf(plan, "normal") }), plan.accepted.filter((entry) => entry.mode === "normal")),
         group("force", t(lang, "batch.force", { count: countOf(plan, "force") }), plan.accepted.filter((entry) => entry.mode === "force"))]
      : [group("delete", t(lang, "batch.delete", { count: plan.accepted.length }), plan.accepted)];
    modal.body.replaceChildren(...present(
      h("p", { text: t(lang, `batch.question.${action}`, { count: tasks.length }) }),
      ...accepted,
      group("rejected", t(lang, `batch.rejected.${action}`, { count: plan.rejected.length }), plan.rejected, (entry) =>
        h("span", { class: "reject-reason", dataset: { code: entry.code } },
          h("code", { text: entry.code }), " ", entry.message)),
      plan.accepted.length === 0 ? h("p", { class: "note note-error", role: "alert", text: t(lang, `batch.none.${action}`) }) : null,
    ));
  }

  return modal.show({ render, focus: cancel, setLang: (next) => (lang = next) });
}

function countOf(plan, mode) {
  return plan.accepted.filter((entry) => entry.mode === mode).length;
}

/** The package's plan for a batch of this action. */
export function planFor(action, input) {
  return action === "stop" ? rules.planStop({ force: "auto", ...input }) : rules.planDelete(input);
}
