// The outcome of the last stop request, per task: accepted, or failed with
// the backend's error code and message.

import { h } from "./dom.js";
import { t } from "./i18n.js";

/**
 * @param {HTMLElement} section
 * @param {{ outcome: null | { results?: object[], error?: { code: string, message: string } },
 *           names: Map<string, string>, lang: string, onDismiss: () => void }} model
 */
export function renderResults(section, { outcome, names, lang, onDismiss }) {
  section.hidden = outcome === null;
  if (outcome === null) {
    section.replaceChildren();
    return;
  }
  const items = outcome.error
    ? [h("li", { class: "result result-failed", dataset: { resultStatus: "failed" } },
        t(lang, "results.requestFailed", { message: `${outcome.error.code}: ${outcome.error.message}` }))]
    : outcome.results.map((result) => resultItem(result, names, lang));
  section.replaceChildren(
    h("div", { class: "results-header" },
      h("h3", { text: t(lang, "results.title") }),
      h("button", { type: "button", class: "link-button", dataset: { action: "dismiss-results" }, on: { click: onDismiss } }, t(lang, "results.dismiss"))),
    h("ul", {}, items));
}

function resultItem(result, names, lang) {
  const ok = result.status === "success";
  return h("li", { class: `result result-${ok ? "success" : "failed"}`, dataset: { resultId: result.id, resultStatus: ok ? "success" : "failed" } },
    h("span", { class: "result-icon", "aria-hidden": "true" }, ok ? "✓" : "!"),
    h("span", { class: "task-name", text: names.get(result.id) ?? result.id }),
    " — ",
    ok
      ? h("span", { text: t(lang, "results.success") })
      : h("span", {}, `${t(lang, "results.failed")}: `, h("code", { dataset: { errorCode: "" }, text: result.error_code ?? "" }), " ",
          h("span", { dataset: { errorMessage: "" }, text: result.error_msg ?? "" })));
}
