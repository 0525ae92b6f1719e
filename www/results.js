// The outcome of the last stop or delete request, per task: accepted, failed
// with the backend's code and message, or not sent because the package's plan
// rejected it (with the rule's code and message). Every task of the batch is
// listed; nothing refused goes unmentioned.

import { h } from "./dom.js";
import { t } from "./i18n.js";

/**
 * @typedef {{ action: "stop" | "delete", results?: object[], notSent?: { id: string, code: string, message: string }[],
 *             error?: string }} Outcome  `error`: a human message for a request that failed as a whole
 * @param {HTMLElement} section
 * @param {{ outcome: Outcome | null, names: (id: string) => string, lang: string, onDismiss: () => void }} model
 */
export function renderResults(section, { outcome, names, lang, onDismiss }) {
  section.hidden = outcome === null;
  if (outcome === null) {
    section.replaceChildren();
    return;
  }
  const items = outcome.error
    ? [h("li", { class: "result result-failed", dataset: { resultStatus: "failed" } },
        h("span", { class: "result-icon", "aria-hidden": "true" }, "!"),
        t(lang, "results.requestFailed", { message: outcome.error }))]
    : [
        ...(outcome.results ?? []).map((result) => resultItem(result, names, lang, outcome.action)),
        ...(outcome.notSent ?? []).map((rejected) => notSentItem(rejected, names, lang)),
      ];
  section.replaceChildren(
    h("div", { class: "results-header" },
      h("h2", { class: "results-title", text: t(lang, `results.title.${outcome.action}`) }),
      h("button", { type: "button", class: "link-button", dataset: { action: "dismiss-results" }, on: { click: onDismiss } }, t(lang, "results.dismiss"))),
    h("ul", {}, items));
}

function resultItem(result, names, lang, action) {
  const id = typeof result?.id === "string" ? result.id : "";
  const ok = result?.status === "success";
  return h("li", { class: `result result-${ok ? "success" : "failed"}`, dataset: { resultId: id, resultStatus: ok ? "success" : "failed" } },
    h("span", { class: "result-icon", "aria-hidden": "true" }, ok ? "✓" : "!"),
    h("span", { class: "task-name-text", text: names(id) }),
    " — ",
    ok
      ? h("span", { text: t(lang, `results.success.${action}`) })
      : h("span", {}, `${t(lang, "results.failed")}: `, h("code", { dataset: { errorCode: "" }, text: textOf(result?.error_code) }), " ",
          h("span", { dataset: { errorMessage: "" }, text: textOf(result?.error_msg) })));
}

function notSentItem(rejected, names, lang) {
  return h("li", { class: "result result-not-sent", dataset: { resultId: rejected.id, resultStatus: "not-sent" } },
    h("span", { class: "result-icon", "aria-hidden": "true" }, "–"),
    h("span", { class: "task-name-text", text: names(rejected.id) }),
    " — ",
    h("span", {}, `${t(lang, "results.notSent")}: `, h("code", { dataset: { errorCode: "" }, text: rejected.code }), " ",
      h("span", { dataset: { errorMessage: "" }, text: rejected.message })));
}

function textOf(value) {
  return typeof value === "string" ? value : "";
}
