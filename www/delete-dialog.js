// The Delete dialog for one task: what the package decides about deleting it
// (available, or the reason it is not), and a confirmation, since a delete
// cannot be undone.

import { evaluateStop } from "/pkg/index.js";
import { h, present } from "./dom.js";
import { t } from "./i18n.js";
import { statusBadge } from "./badge.js";
import { addConfirmButtons, showModal } from "./modal.js";

/**
 * @param {{ task: object, lang: string, rules: (lang: string) => object, returnFocus: () => HTMLElement | null,
 *           onConfirm: () => Promise<void>, onClose?: () => void }} options
 * @returns {{ relabel: (lang: string) => void, close: () => void }}
 */
export function openDeleteDialog({ task, lang, rules, returnFocus, onConfirm, onClose }) {
  const modal = showModal({ returnFocus, onClose });
  const buttons = addConfirmButtons(modal, { confirm: () => onConfirm(), render: () => render() });
  const { ok, cancel } = buttons;

  function render() {
    modal.keepingFocus(build);
  }

  function build() {
    const decision = evaluateStop(task, rules(lang));
    const verdict = decision.delete ?? { available: false, blocked: null };
    modal.title.textContent = t(lang, "delete.title");
    modal.closeButton.setAttribute("aria-label", t(lang, "dialog.close"));
    ok.textContent = t(lang, buttons.sending ? "dialog.sending.delete" : "dialog.ok");
    ok.disabled = !verdict.available;
    ok.setAttribute("aria-disabled", String(buttons.sending));
    cancel.textContent = t(lang, "dialog.cancel");
    modal.body.replaceChildren(...present(
      h("p", { text: t(lang, "delete.question") }),
      h("table", { class: "summary" },
        h("tr", {}, h("th", { scope: "row", text: t(lang, "dialog.name") }), h("td", { dataset: { field: "name" }, text: typeof task.name === "string" && task.name ? task.name : task.id })),
        h("tr", {}, h("th", { scope: "row", text: t(lang, "dialog.status") }), h("td", { dataset: { field: "status" } }, statusBadge(decision)))),
      verdict.available
        ? h("p", { class: "note note-warning", text: t(lang, "delete.irreversible") })
        : h("div", { class: "note note-error", role: "alert", dataset: { blockedReason: verdict.blocked?.code ?? "" } },
            h("strong", { text: t(lang, "delete.blocked") }),
            h("p", { dataset: { blockedMessage: "" }, text: verdict.blocked?.message ?? "" })),
    ));
  }

  return modal.show({ render, focus: cancel, setLang: (next) => (lang = next) });
}
