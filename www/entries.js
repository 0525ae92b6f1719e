// The list as the page keeps it: one entry per item of the API's answer,
// each parent's nested `children` right after it (depth-first, as rows).
// An item the page cannot show as a task (not an object, no id, a name that
// is not text, a repeated id, or input the package refuses) becomes an entry
// with an error, so one bad item costs one row, never the whole table.

import { evaluateStop, evaluateStops } from "/pkg/index.js";

/**
 * @typedef {{ key: string, index: number, task: object | null, item: unknown, name: string, depth: number,
 *             parentKey: string | null, search: string, decision: object | null,
 *             error: { code: string, message: string } | null }} Entry
 */

/** Nesting deeper than this is not shown (a list answer is data, and may be hostile). */
const MAX_DEPTH = 8;

/** The items, each followed by its nested children, depth-first. */
function flatten(items, depth, parentKey, out) {
  for (const item of items) {
    out.push({ item, depth, parentKey });
    const children = item !== null && typeof item === "object" ? item.children : undefined;
    if (Array.isArray(children) && children.length > 0 && depth < MAX_DEPTH) {
      flatten(children, depth + 1, typeof item.id === "string" ? item.id : null, out);
    }
  }
  return out;
}

/** Reads the items of a list answer; `options` ({ lang, policy }) go to the package. */
export function readEntries(items, options) {
  const seen = new Set();
  const entries = flatten(Array.isArray(items) ? items : [], 0, null, []).map(({ item, depth, parentKey }, index) => {
    const entry = { ...shapeOf(item, index), depth, parentKey };
    if (!entry.error) {
      if (seen.has(entry.key)) entry.error = { code: "DUPLICATE_ID", message: "" };
      seen.add(entry.key);
    }
    if (entry.error) entry.key = `#${index}`;
    return entry;
  });
  decide(entries.filter((entry) => !entry.error), options);
  return entries;
}

/** Decides the entries again (after a status change, or in another language or policy). */
export function decide(entries, options) {
  if (entries.length === 0) return;
  try {
    const decisions = evaluateStops(entries.map((entry) => entry.task), options);
    entries.forEach((entry, i) => (entry.decision = decisions[i]));
  } catch {
    // One item the package refuses fails the whole batch: decide each alone.
    for (const entry of entries) {
      try {
        entry.decision = evaluateStop(entry.task, options);
      } catch (error) {
        entry.decision = null;
        entry.error = { code: String(error?.code ?? "INVALID_INPUT"), message: describe(error) };
      }
    }
  }
}

/** A new status for one task (from batch-status): the entry is updated and decided again. */
export function withStatus(entry, status, options) {
  const task = { ...entry.task, status };
  const next = { ...entry, task, item: task, json: undefined };
  decide([next], options);
  return next;
}

/**
 * The item as JSON text: what a row shows changes only when this does.
 * Computed when first asked (for the rows on screen), not for the whole list.
 */
export function jsonOf(entry) {
  if (entry.json === undefined) entry.json = stringify(entry.item);
  return entry.json;
}

function shapeOf(item, index) {
  const entry = { key: "", index, task: null, item, json: undefined, name: "", search: "", decision: null, error: null };
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    entry.error = { code: "NOT_AN_OBJECT", message: "" };
    return entry;
  }
  const id = item.id;
  const name = item.name;
  if (typeof id === "string" && id !== "") {
    entry.key = id;
    entry.name = id;
  }
  if (typeof name === "string" && name !== "") entry.name = name;
  if (entry.key === "") entry.error = { code: "MISSING_ID", message: "" };
  else if (name !== undefined && name !== null && typeof name !== "string") entry.error = { code: "NAME_NOT_TEXT", message: "" };
  else entry.task = item;
  entry.search = `${entry.name}\n${entry.key}`.toLowerCase();
  return entry;
}

function describe(error) {
  const path = typeof error?.path === "string" && error.path ? ` (${error.path})` : "";
  return `${typeof error?.message === "string" ? error.message : String(error)}${path}`;
}

function stringify(value) {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
