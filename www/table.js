// The task table, one page of entries at a time. Rows are keyed by the
// entry's key (the task id) and rebuilt only when what they show changes: the
// task's data, the language, the policy or whether the list is stale. A tick
// changes the row's class and checkbox in place. Stop and Delete are enabled
// exactly when the package's decision says so and the list is fresh;
// otherwise the reason is the button's title and a tooltip reachable by
// keyboard (the "?" beside it), which Escape closes.

import { h, uniqueId } from "./dom.js";
import { t } from "./i18n.js";
import { statusBadge } from "./badge.js";
import { jsonOf } from "./entries.js";

const COLUMNS = 7;
const EMPTY = "\u0000empty";

/**
 * @param {HTMLTableSectionElement} tbody
 * @param {{ onSelect: (key: string, selected: boolean) => void, onStop: (key: string) => void,
 *           onDelete: (key: string) => void, onDetails: (key: string) => void }} handlers
 */
export function createTable(tbody, handlers) {
  /** key -> { tr, signature } for the rows in the table. */
  const rows = new Map();

  tbody.addEventListener("change", (event) => {
    const box = event.target.closest?.("[data-select]");
    const key = box?.closest("tr")?.dataset.key;
    if (key !== undefined) handlers.onSelect(key, box.checked);
  });
  tbody.addEventListener("click", (event) => {
    const button = event.target.closest?.("button[data-action]");
    const key = button?.closest("tr")?.dataset.key;
    if (key === undefined || button.disabled) return;
    const handler = { stop: handlers.onStop, delete: handlers.onDelete, details: handlers.onDetails }[button.dataset.action];
    handler?.(key);
  });

  /**
   * Shows these entries, in order.
   * @param {object[]} entries
   * @param {{ lang: string, policy: string, selected: Set<string>, stale: boolean, emptyText: string }} view
   */
  function render(entries, view) {
    const wanted = entries.length > 0
      ? entries.map((entry) => rowFor(entry, view))
      : [rowOf(EMPTY, `empty|${view.emptyText}`, () => h("tr", { class: "empty", dataset: { key: EMPTY } },
          h("td", { colspan: COLUMNS, text: view.emptyText })))];
    const keep = new Set(wanted);
    for (const [key, row] of rows) {
      if (!keep.has(row.tr)) {
        row.tr.remove();
        rows.delete(key);
      }
    }
    // Rows already in place stay untouched; only new or moved rows are inserted.
    let cursor = tbody.firstElementChild;
    for (const tr of wanted) {
      if (cursor === tr) cursor = cursor.nextElementSibling;
      else tbody.insertBefore(tr, cursor);
    }
    for (const entry of entries) syncSelection(rows.get(entry.key)?.tr, view.selected.has(entry.key));
  }

  function rowFor(entry, view) {
    const signature = `${view.lang}|${view.policy}|${view.stale}|${entry.error?.code ?? ""}|${jsonOf(entry)}`;
    return rowOf(entry.key, signature, () => (entry.error ? errorRow(entry, view) : taskRow(entry, view)));
  }

  /** The row for `key`: the one shown when its signature is unchanged, else a new one in its place. */
  function rowOf(key, signature, build) {
    const existing = rows.get(key);
    if (existing?.signature === signature) return existing.tr;
    const tr = build();
    if (existing) {
      const focus = focusedControl(existing.tr);
      existing.tr.replaceWith(tr);
      restoreFocus(tr, focus);
    }
    rows.set(key, { tr, signature });
    return tr;
  }

  return {
    render,
    /** The row's control for `action` ("stop", "delete", "details", "select"), if the row is shown. */
    control(key, action) {
      const tr = rows.get(key)?.tr;
      return tr?.querySelector(action === "select" ? "[data-select]" : `[data-action="${action}"]`) ?? null;
    },
  };
}

function syncSelection(tr, selected) {
  if (!tr) return;
  const box = tr.querySelector("[data-select]");
  if (box && box.checked !== selected) box.checked = selected;
  if (tr.classList.contains("selected") !== selected) tr.classList.toggle("selected", selected);
}

function taskRow(entry, { lang, stale }) {
  const { task, decision, key, name } = entry;
  const nesting = entry.depth > 0 ? { depth: String(Math.min(entry.depth, 3)), parentKey: entry.parentKey ?? "" } : {};
  return h("tr", { dataset: { taskId: key, key, ...nesting, ...(stale ? { stale: "" } : {}) }, class: stale ? "stale" : null },
    h("td", { class: "col-select" },
      h("input", { type: "checkbox", dataset: { select: "" }, "aria-label": t(lang, "row.select", { name }) })),
    h("td", { class: "col-name" },
      h("button", { type: "button", class: "task-name", dataset: { field: "name", action: "details" }, text: name }),
      h("span", { class: "task-id", title: key, text: key })),
    h("td", { class: "col-status" },
      statusBadge(decision),
      decision.abnormal_reasons.includes("NETWORK_ABNORMAL")
        ? h("span", { class: "flag-warning", dataset: { flag: "network" }, text: t(lang, "row.networkAbnormal") })
        : null),
    h("td", { class: "col-engine", text: textOf(task.engine_type) }),
    h("td", { class: "col-type", text: taskTypeLabel(task.task_type, lang) }),
    h("td", { class: "col-created", text: formatTime(task.create_time, lang) }),
    h("td", { class: "col-operation" },
      h("span", { class: "ops" },
        operation("stop", decision.stoppable, decision.blocked, { lang, stale }),
        // The Delete button needs a package that decides delete.
        decision.delete ? operation("delete", decision.delete.available, decision.delete.blocked, { lang, stale }) : null)));
}

function errorRow(entry, { lang }) {
  const { code, message } = entry.error;
  return h("tr", { class: "row-error", dataset: { key: entry.key, rowError: code } },
    h("td", { class: "col-select" }),
    h("td", { colspan: COLUMNS - 1 },
      entry.name ? h("span", { class: "task-name-text", text: entry.name }) : null,
      h("span", { class: "row-error-text", text: t(lang, `rowError.${code}`, { message }) })));
}

/** A row's Stop or Delete: enabled when allowed and fresh, else with its reason as a tooltip. */
function operation(action, allowed, blocked, { lang, stale }) {
  const enabled = allowed && !stale;
  const button = h("button", { type: "button", class: "link-button", dataset: { action }, disabled: !enabled }, t(lang, `row.${action}`));
  if (enabled) return h("span", { class: "op" }, button);
  const reason = stale ? t(lang, "row.stale") : blocked?.message ?? "";
  const tipId = uniqueId(`${action}-reason`);
  button.title = reason;
  button.setAttribute("aria-describedby", tipId);
  // A disabled button cannot take focus, so the reason gets a focusable twin.
  return h("span", { class: "op", title: reason },
    button,
    h("button", { type: "button", class: "why", dataset: { why: action }, "aria-label": t(lang, `row.why.${action}`), "aria-describedby": tipId }, "?"),
    h("span", { role: "tooltip", id: tipId, class: "tip", dataset: { blockedCode: stale ? "STALE" : blocked?.code ?? "" }, text: reason }));
}

function textOf(value) {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** The console's word for a task type; the API's own string when it has none. */
function taskTypeLabel(taskType, lang) {
  if (typeof taskType !== "string" || taskType === "") return "";
  const key = `taskType.${taskType}`;
  const label = t(lang, key);
  return label === key ? taskType : label;
}

const timeFormats = new Map();
function formatTime(ms, lang) {
  if (ms === undefined || ms === null || ms === "") return "";
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return "";
  // One formatter per language: building one per cell costs more than the rest of the row.
  if (!timeFormats.has(lang)) {
    timeFormats.set(lang, new Intl.DateTimeFormat(lang === "zh-cn" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }));
  }
  return timeFormats.get(lang).format(date);
}

/** Which control of a row has focus, so a rebuilt row can take it back. */
function focusedControl(tr) {
  const active = document.activeElement;
  if (!active || !tr.contains(active)) return null;
  if (active.matches("[data-select]")) return "[data-select]";
  if (active.dataset.why) return `[data-why="${active.dataset.why}"]`;
  if (active.dataset.action) return `[data-action="${active.dataset.action}"]`;
  return "[data-select]";
}

function restoreFocus(tr, selector) {
  if (!selector) return;
  // A Stop that became disabled has its "?" twin; else the row's checkbox or name.
  const action = selector.match(/data-action="(\w+)"/)?.[1];
  const candidates = [selector, action ? `[data-why="${action}"]` : null, "[data-select]", '[data-action="details"]'];
  for (const candidate of candidates) {
    const target = candidate && tr.querySelector(candidate);
    if (target && !target.disabled) {
      target.focus();
      return;
    }
  }
}
