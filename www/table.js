// The task table. Stop is enabled exactly when the package's decision says
// `stoppable`; otherwise the decision's blocked message is the button's
// title and a tooltip reachable by keyboard (the "?" beside it).

import { h, uniqueId } from "./dom.js";
import { t } from "./i18n.js";
import { statusBadge } from "./badge.js";

const COLUMNS = 7;

/**
 * Re-renders the rows, keeping keyboard focus on the same control of the same task.
 * @param {HTMLTableSectionElement} tbody
 * @param {{ tasks: object[], decisions: object[], selected: Set<string>, lang: string,
 *           onStop: (id: string) => void, onSelect: (id: string, selected: boolean) => void }} model
 */
export function renderRows(tbody, model) {
  const focus = rememberFocus(tbody);
  const rows = model.tasks.map((task, i) => taskRow(task, model.decisions[i], model));
  if (rows.length === 0) rows.push(h("tr", { class: "empty" }, h("td", { colspan: COLUMNS, text: t(model.lang, "table.empty") })));
  tbody.replaceChildren(...rows);
  restoreFocus(tbody, focus);
}

/** The Stop button of a task's row, if the row is shown. */
export function stopButtonOf(tbody, id) {
  return findRow(tbody, id)?.querySelector('[data-action="stop"]') ?? null;
}

function findRow(tbody, id) {
  return [...tbody.rows].find((row) => row.dataset.taskId === id) ?? null;
}

function taskRow(task, decision, { selected, lang, onStop, onSelect }) {
  const id = task.id;
  const name = task.name ?? id;
  return h("tr", { dataset: { taskId: id }, class: selected.has(id) ? "selected" : null },
    h("td", { class: "col-select" },
      h("input", {
        type: "checkbox", dataset: { select: "" }, checked: selected.has(id),
        "aria-label": t(lang, "row.select", { name }),
        on: { change: (event) => onSelect(id, event.target.checked) },
      })),
    h("td", { class: "col-name" },
      h("span", { class: "task-name", dataset: { field: "name" }, text: name }),
      h("span", { class: "task-id", title: id, text: id })),
    h("td", { class: "col-status" },
      statusBadge(decision),
      decision.abnormal_reasons.includes("NETWORK_ABNORMAL")
        ? h("span", { class: "flag-warning", dataset: { flag: "network" }, text: t(lang, "row.networkAbnormal") })
        : null),
    h("td", { class: "col-engine", text: task.engine_type ?? "" }),
    h("td", { class: "col-type", text: task.task_type ? t(lang, `taskType.${task.task_type}`) : "" }),
    h("td", { class: "col-created", text: formatTime(task.create_time, lang) }),
    h("td", { class: "col-operation" }, operation(id, decision, lang, onStop)));
}

function operation(id, decision, lang, onStop) {
  const stop = h("button", {
    type: "button", class: "link-button", dataset: { action: "stop" },
    disabled: !decision.stoppable, on: { click: () => onStop(id) },
  }, t(lang, "row.stop"));
  if (decision.stoppable) return h("span", { class: "op" }, stop);
  const message = decision.blocked?.message ?? "";
  const tipId = uniqueId("stop-reason");
  stop.title = message;
  stop.setAttribute("aria-describedby", tipId);
  // A disabled button cannot take focus, so the reason gets a focusable twin.
  return h("span", { class: "op", title: message },
    stop,
    h("button", { type: "button", class: "why", "aria-label": t(lang, "row.why"), "aria-describedby": tipId }, "?"),
    h("span", { role: "tooltip", id: tipId, class: "tip", dataset: { blockedCode: decision.blocked?.code ?? "" }, text: message }));
}

function formatTime(ms, lang) {
  const date = new Date(Number(ms));
  if (ms === undefined || ms === null || Number.isNaN(date.getTime())) return "";
  return date.toLocaleString(lang === "zh-cn" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
}

/** Which control of which task has focus, so a re-render can put it back. */
function rememberFocus(tbody) {
  const active = document.activeElement;
  const row = active?.closest?.("tr[data-task-id]");
  if (!row || !tbody.contains(row)) return null;
  const kind = active.matches('[data-action="stop"]') ? '[data-action="stop"]' : active.matches(".why") ? ".why" : "[data-select]";
  return { id: row.dataset.taskId, selector: kind };
}

function restoreFocus(tbody, focus) {
  if (!focus) return;
  const row = findRow(tbody, focus.id);
  const target = row?.querySelector(focus.selector) ?? row?.querySelector("[data-select]");
  if (target && !target.disabled) target.focus();
}
