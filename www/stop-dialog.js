// The Stop dialog for one task. Everything it says about the stop comes from
// the package's decision: the preselected mode, whether the chosen mode is
// available (and why not), its consequences, the advice and the follow-ups.

import { evaluateStop } from "/pkg/index.js";
import { h, present } from "./dom.js";
import { t } from "./i18n.js";
import { statusBadge } from "./badge.js";
import { addConfirmButtons, showModal } from "./modal.js";
import { noticeSection } from "./notices.js";

/**
 * @param {{ task: object, lang: string, rules: (lang: string) => object, returnFocus: () => HTMLElement | null,
 *           onConfirm: (force: boolean) => Promise<void>, onClose?: () => void }} options
 *   `rules(lang)`: the options the package decides with (language and policy).
 * @returns {{ relabel: (lang: string) => void, close: () => void }}
 */
export function openStopDialog({ task, lang, rules, returnFocus, onConfirm, onClose }) {
  const modal = showModal({ returnFocus, onClose });
  let force = evaluateStop(task, rules(lang)).preselected_mode === "force";

  const forceBox = h("input", { type: "checkbox", name: "force", checked: force });
  forceBox.addEventListener("change", () => {
    force = forceBox.checked;
    render();
  });
  const buttons = addConfirmButtons(modal, { confirm: () => onConfirm(force), render: () => render() });
  const { ok, cancel } = buttons;

  function render() {
    modal.keepingFocus(build);
  }

  function build() {
    const decision = evaluateStop(task, rules(lang));
    const option = decision.modes[force ? "force" : "normal"];
    modal.title.textContent = t(lang, "dialog.title");
    modal.closeButton.setAttribute("aria-label", t(lang, "dialog.close"));
    ok.textContent = t(lang, buttons.sending ? "dialog.sending" : "dialog.ok");
    // While sending, OK stays focusable (a disabled button would drop focus to <body>).
    ok.disabled = !option.available;
    ok.setAttribute("aria-disabled", String(buttons.sending));
    cancel.textContent = t(lang, "dialog.cancel");
    forceBox.checked = force;

    const restoreFirst = decision.advice.find((advice) => advice.code === "RESTORE_FIRST");
    const reasons = decision.abnormal_reasons.map((code) => t(lang, `reason.${code}`)).join(", ");
    // The checkbox node is reused so it keeps focus across re-renders.
    modal.body.replaceChildren(...present(
      h("p", { text: t(lang, "dialog.question") }),
      h("table", { class: "summary" },
        h("tr", {}, h("th", { scope: "row", text: t(lang, "dialog.name") }), h("td", { dataset: { field: "name" }, text: task.name ?? task.id })),
        h("tr", {}, h("th", { scope: "row", text: t(lang, "dialog.status") }), h("td", { dataset: { field: "status" } }, statusBadge(decision)))),
      decision.abnormal ? h("p", { class: "note note-warning", dataset: { note: "abnormal" }, text: t(lang, "dialog.abnormal", { reasons }) }) : null,
      h("label", { class: "force-option" }, forceBox,
        h("span", {}, h("strong", { text: t(lang, "dialog.force") }), h("span", { class: "hint", text: t(lang, "dialog.forceHint") }))),
      option.available ? null : h("div", { class: "note note-error", role: "alert", dataset: { blockedReason: option.blocked?.code ?? "" } },
        h("strong", { text: t(lang, "dialog.normalBlocked") }),
        h("p", { dataset: { blockedMessage: "" }, text: option.blocked?.message ?? "" }),
        restoreFirst ? h("p", { dataset: { advice: restoreFirst.code }, text: restoreFirst.message }) : null),
      noticeSection("consequences", t(lang, "dialog.consequences"), option.consequences),
      // RESTORE_FIRST is already shown beside the refusal it answers.
      noticeSection("advice", t(lang, "dialog.advice"), option.available ? decision.advice : decision.advice.filter((advice) => advice !== restoreFirst)),
      noticeSection("follow-ups", t(lang, "dialog.followUps"), option.follow_ups),
    ));
  }

  return modal.show({ render, focus: forceBox, setLang: (next) => (lang = next) });
}
