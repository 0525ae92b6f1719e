// The batch Stop dialog: the package's plan for the selection says which
// tasks stop normally, which forcibly and which not at all (and why).

import { planStop } from "/pkg/index.js";
import { h, present } from "./dom.js";
import { t } from "./i18n.js";
import { addConfirmButtons, showModal } from "./modal.js";

/**
 * @param {{ tasks: object[], lang: string, returnFocus: () => HTMLElement | null,
 *           onConfirm: (plan: object) => Promise<void>, onClose?: () => void }} options
 * @returns {{ relabel: (lang: string) => void, close: () => void }}
 */
export function openBatchDialog({ tasks, lang, returnFocus, onConfirm, onClose }) {
  const modal = showModal({ returnFocus, onClose });
  const names = new Map(tasks.map((task) => [task.id, task.name ?? task.id]));
  let plan = null;

  const buttons = addConfirmButtons(modal, { confirm: () => onConfirm(plan), render: () => render() });
  const { ok, cancel } = buttons;

  function group(kind, heading, entries, describe) {
    if (entries.length === 0) return null;
    return h("section", { class: `plan-group plan-${kind}`, dataset: { batchGroup: kind } },
      h("h3", { text: heading }),
      h("ul", {}, entries.map((entry) => h("li", { dataset: { taskId: entry.id } },
        h("span", { class: "task-name", text: names.get(entry.id) ?? entry.id }),
        describe ? describe(entry) : null))));
  }

  function render() {
    plan = planStop({ tasks, force: "auto", lang });
    const normal = plan.accepted.filter((entry) => entry.mode === "normal");
    const forced = plan.accepted.filter((entry) => entry.mode === "force");
    modal.title.textContent = t(lang, "dialog.batchTitle");
    modal.closeButton.setAttribute("aria-label", t(lang, "dialog.close"));
    ok.textContent = t(lang, buttons.sending ? "dialog.sending" : "dialog.ok");
    ok.disabled = buttons.sending || plan.accepted.length === 0;
    cancel.textContent = t(lang, "dialog.cancel");
    modal.body.replaceChildren(...present(
      h("p", { text: t(lang, "batch.question", { count: tasks.length }) }),
      group("normal", t(lang, "batch.normal", { count: normal.length }), normal),
      group("force", t(lang, "batch.force", { count: forced.length }), forced),
      group("rejected", t(lang, "batch.rejected", { count: plan.rejected.length }), plan.rejected, (entry) =>
        h("span", { class: "reject-reason", dataset: { code: entry.code } },
          h("code", { text: entry.code }), " ", entry.message)),
      plan.accepted.length === 0 ? h("p", { class: "note note-error", role: "alert", text: t(lang, "batch.none") }) : null,
    ));
  }

  render();
  modal.focusInside(cancel);
  return {
    relabel(nextLang) {
      lang = nextLang;
      render();
    },
    close: modal.close,
  };
}
