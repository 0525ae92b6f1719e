// Task details: the package's whole decision for one task, as it stands
// (status, whether and how it may be stopped, every mode with its
// consequences and follow-ups, advice, delete, the backend's own verdict),
// each item with its code.

import { evaluateStop } from "/pkg/index.js";
import { h, present } from "./dom.js";
import { t } from "./i18n.js";
import { statusBadge } from "./badge.js";
import { showModal } from "./modal.js";

/**
 * @param {{ task: object, lang: string, rules: (lang: string) => object, returnFocus: () => HTMLElement | null,
 *           onClose?: () => void }} options
 * @returns {{ relabel: (lang: string) => void, close: () => void }}
 */
export function openDetailsDialog({ task, lang, rules, returnFocus, onClose }) {
  const modal = showModal({ returnFocus, onClose });
  // The body scrolls and holds no control: it takes focus itself so keyboard users can scroll it.
  modal.body.tabIndex = 0;
  modal.body.setAttribute("aria-labelledby", modal.title.id);
  modal.body.setAttribute("role", "region");
  const done = h("button", { type: "button", class: "btn btn-primary", dataset: { action: "cancel" }, on: { click: modal.close } });
  modal.footer.append(done);

  function render() {
    modal.keepingFocus(build);
  }

  function build() {
    const decision = evaluateStop(task, rules(lang));
    modal.title.textContent = t(lang, "details.title");
    modal.closeButton.setAttribute("aria-label", t(lang, "dialog.close"));
    done.textContent = t(lang, "dialog.close");
    const yes = (flag) => t(lang, flag ? "details.yes" : "details.no");
    modal.body.replaceChildren(...present(
      h("table", { class: "summary", dataset: { details: "summary" } },
        row(t(lang, "dialog.name"), h("span", { dataset: { field: "name" }, text: typeof task.name === "string" && task.name ? task.name : task.id })),
        row(t(lang, "details.id"), h("code", { text: task.id })),
        row(t(lang, "details.kind"), h("code", { text: decision.db_use_type })),
        row(t(lang, "dialog.status"), h("span", {}, statusBadge(decision), " ", h("code", { dataset: { field: "status-code" }, text: decision.status }))),
        row(t(lang, "details.stoppable"), h("span", { dataset: { field: "stoppable" }, text: yes(decision.stoppable) })),
        row(t(lang, "details.preselected"), h("span", { dataset: { field: "preselected" }, text: decision.preselected_mode ? t(lang, `details.mode.${decision.preselected_mode}`) : "—" })),
        row(t(lang, "details.abnormal"), h("span", { dataset: { field: "abnormal" } }, yes(decision.abnormal),
          ...decision.abnormal_reasons.map((code) => h("span", {}, " ", h("code", { dataset: { reason: code }, text: code }))))),
        decision.backend ? row(t(lang, "details.backend"), h("span", { dataset: { field: "backend" },
          text: t(lang, "details.backendVerdict", { stop: verdict(decision.backend.stop, lang), delete: verdict(decision.backend.delete, lang), agrees: yes(decision.backend.agrees) }) })) : null),
      notices("blocked", t(lang, "details.blocked"), decision.blocked ? [decision.blocked] : [], "h3"),
      ...["normal", "force"].map((mode) => modeSection(mode, decision.modes[mode], lang)),
      notices("advice", t(lang, "dialog.advice"), decision.advice, "h3"),
      decision.delete ? h("section", { class: "details-section", dataset: { details: "delete" } },
        h("h3", { text: t(lang, "details.delete") }),
        h("p", { dataset: { field: "delete-available" }, text: yes(decision.delete.available) }),
        notices("delete-blocked", null, decision.delete.blocked ? [decision.delete.blocked] : [])) : null,
    ));
  }

  return modal.show({ render, focus: done, setLang: (next) => (lang = next) });
}

function row(label, value) {
  return h("tr", {}, h("th", { scope: "row", text: label }), h("td", {}, value));
}

function verdict(value, lang) {
  return value === null || value === undefined ? t(lang, "details.noVerdict") : t(lang, value ? "details.allows" : "details.refuses");
}

function modeSection(mode, option, lang) {
  return h("section", { class: "details-section", dataset: { details: mode } },
    h("h3", {}, t(lang, `details.mode.${mode}`), " ", h("code", { text: option.delete_type })),
    h("p", { dataset: { field: "available" }, text: t(lang, option.available ? "details.available" : "details.unavailable") }),
    notices(`${mode}-blocked`, null, option.blocked ? [option.blocked] : []),
    notices(`${mode}-consequences`, t(lang, "dialog.consequences"), option.consequences),
    notices(`${mode}-follow-ups`, t(lang, "details.followUps"), option.follow_ups));
}

/** A list of the package's notices with their codes, or nothing when there are none. */
function notices(section, heading, items, level = "h4") {
  if (items.length === 0) return null;
  return h("div", { class: "notices", dataset: { section } },
    heading ? h(level, { text: heading }) : null,
    h("ul", {}, items.map((notice) => h("li", { dataset: { code: notice.code } },
      h("code", { text: notice.code }), " ", h("span", { class: "notice-message", text: notice.message })))));
}
