// The console: state, wiring and rendering order. No rule is written here:
// every enable/disable, preselection, plan and look comes from the
// drs-stop-rules package (the same Rust code the backend runs natively).

// First: the first calls to the backend start before the package compiles.
import { ensureSession, forgetSession, firstList, listenToHeaders, initialLang, LANG_KEY } from "./early.js";
// A namespace import: a package without the delete API still loads.
import * as rules from "/pkg/index.js";
import { t, relabel, LANGS } from "./i18n.js";
import { createTable } from "./table.js";
import { readEntries, decide, withStatus } from "./entries.js";
import { openStopDialog } from "./stop-dialog.js";
import { openDeleteDialog } from "./delete-dialog.js";
import { openDetailsDialog } from "./details-dialog.js";
import { openBatchDialog, planFor } from "./batch-dialog.js";
import { renderResults } from "./results.js";
import { pollUntilStopped } from "./poll.js";
import { describeFailure } from "./problems.js";
import { writeStored } from "./storage.js";
import { readView, showViewInUrl, KINDS, API_VERSIONS, PAGE_SIZES } from "./view.js";
import { dismissTooltipsOnEscape } from "./tooltips.js";

/** Where deletes go when the package's delete plan names no endpoint. */
const DELETE_ENDPOINT = { method: "DELETE", path: "/v3/{project_id}/jobs/batch-jobs" };
const deleteSupported = typeof rules.planDelete === "function";

const state = {
  lang: initialLang,
  view: readView(location.search),
  /** The list as last loaded: entries (see entries.js), in API order, and by key. */
  entries: [],
  byKey: new Map(),
  selected: new Set(),
  loading: false,
  loadedAt: null,
  /** The error of the last load, while it is the latest word (the rows shown are then stale). */
  loadError: null,
  /** The user's DRS system policy, as the backend reports it for the token (undefined: the package's default). */
  policy: undefined,
  backendVersion: undefined,
  dialog: null,
  outcome: null,
  focusAfterDialog: null,
};

const $ = (selector) => document.querySelector(selector);
const tbody = $("table.tasks tbody");
const tabs = [...document.querySelectorAll("[data-kind-tab]")];
const controls = {
  lang: $("select[name='lang']"),
  api: $("select[name='api']"),
  filter: $("input[name='filter']"),
  selectAll: $("[data-select-all]"),
  batchStop: $("[data-action='batch-stop']"),
  batchDelete: $("[data-action='batch-delete']"),
  clearSelection: $("[data-action='clear-selection']"),
  refresh: $("[data-action='refresh']"),
  pageSize: $("select[name='page-size']"),
  prev: $("[data-action='page-prev']"),
  next: $("[data-action='page-next']"),
  results: $("[data-results]"),
  main: $("#main"),
};

/** Every answer says which rules the backend runs. */
listenToHeaders((headers) => {
  const version = headers.get("X-Stop-Rules-Version");
  if (version !== state.backendVersion) {
    state.backendVersion = version;
    renderVersionBanner();
  }
});

/** The API for the token's project; the user's policy, when it changed, decides every row again. */
async function ensureApi() {
  const { api, policy } = await ensureSession(state.lang);
  if (policy !== state.policy) {
    state.policy = policy;
    redecide();
  }
  return api;
}

/** The options the package decides with: the language and the user's policy. */
function rulesOptions(lang = state.lang) {
  return state.policy === undefined ? { lang } : { lang, policy: state.policy };
}

const table = createTable(tbody, {
  onSelect(key, selected) {
    if (selected) state.selected.add(key);
    else state.selected.delete(key);
    renderTable();
  },
  onStop: openStop,
  onDelete: openDelete,
  onDetails: openDetails,
});

// ---- the list --------------------------------------------------------------

function setEntries(entries) {
  state.entries = entries;
  state.byKey = new Map(entries.map((entry) => [entry.key, entry]));
}

/** Decides every task again (another language or policy); only rows that change are redrawn. */
function redecide() {
  const entries = state.entries.map((entry) => ({ ...entry }));
  decide(entries.filter((entry) => entry.task && !entry.error), rulesOptions());
  setEntries(entries);
  renderTable();
  state.dialog?.relabel(state.lang);
}

/** New statuses for some tasks (id -> status), from batch-status. */
function updateStatuses(statuses) {
  let changed = false;
  const entries = state.entries.map((entry) => {
    const status = statuses.get(entry.key);
    if (!entry.task || entry.error || typeof status !== "string" || entry.task.status === status) return entry;
    changed = true;
    return withStatus(entry, status, rulesOptions());
  });
  if (changed) setEntries(entries);
  return changed;
}

const isStale = () => state.loadError !== null;

let matchCache = { entries: null, needle: null, list: [] };
/** The entries the search matches, in list order. */
function matching() {
  const needle = state.view.filter.trim().toLowerCase();
  if (matchCache.entries !== state.entries || matchCache.needle !== needle) {
    matchCache = { entries: state.entries, needle, list: needle ? state.entries.filter((entry) => entry.search.includes(needle)) : state.entries };
  }
  return matchCache.list;
}

function currentPage() {
  const list = matching();
  const { size } = state.view;
  const pages = Math.max(1, Math.ceil(list.length / size));
  const page = Math.min(state.view.page, pages);
  return { list, pages, page, rows: list.slice((page - 1) * size, page * size) };
}

// ---- rendering -------------------------------------------------------------

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setFlag(node, property, value) {
  if (node[property] !== value) node[property] = value;
}

let firstRowsMarked = false;
function renderTable() {
  const { list, pages, page, rows } = currentPage();
  const stale = isStale();
  const emptyText = state.loading && state.loadedAt === null ? t(state.lang, "table.loading")
    : state.loadedAt === null && stale ? t(state.lang, "fresh.failedNever")
      : t(state.lang, "table.empty");
  table.render(rows, { lang: state.lang, policy: state.policy ?? "", selected: state.selected, stale, emptyText });
  if (!firstRowsMarked && rows.length > 0) {
    firstRowsMarked = true;
    performance.mark("drs-console:first-rows");
  }

  const selectable = rows.filter((entry) => entry.task && !entry.error);
  const shownSelected = selectable.filter((entry) => state.selected.has(entry.key)).length;
  setFlag(controls.selectAll, "checked", selectable.length > 0 && shownSelected === selectable.length);
  setFlag(controls.selectAll, "indeterminate", shownSelected > 0 && shownSelected < selectable.length);
  setFlag(controls.selectAll, "disabled", selectable.length === 0);

  const count = state.selected.size;
  const hidden = count - shownSelected;
  setFlag(controls.batchStop, "disabled", count === 0 || stale);
  setFlag(controls.batchDelete, "hidden", !deleteSupported);
  setFlag(controls.batchDelete, "disabled", count === 0 || stale);
  setFlag(controls.clearSelection, "hidden", count === 0);
  setText($("[data-table-selected]"), count === 0 ? ""
    : hidden > 0 ? t(state.lang, "table.selectedHidden", { count, hidden }) : t(state.lang, "table.selected", { count }));
  setText($("[data-table-total]"), state.loadedAt === null ? "" : t(state.lang, "table.total", { count: list.length }));
  setText($("[data-page-info]"), t(state.lang, "pager.info", { page, pages }));
  setFlag(controls.prev, "disabled", page <= 1);
  setFlag(controls.next, "disabled", page >= pages);
  if (controls.pageSize.value !== String(state.view.size)) controls.pageSize.value = String(state.view.size);
}

function ageText(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? t(state.lang, "age.seconds", { n: seconds }) : t(state.lang, "age.minutes", { n: Math.floor(seconds / 60) });
}

/** "Updated N s ago", or how stale the rows are. */
function renderFreshness() {
  const node = $("[data-freshness]");
  const age = state.loadedAt === null ? null : Date.now() - state.loadedAt;
  let text;
  if (isStale()) text = age === null ? t(state.lang, "fresh.failedNever") : t(state.lang, "fresh.failed", { age: ageText(age) });
  else if (age === null) text = t(state.lang, state.loading ? "fresh.loading" : "fresh.never");
  else text = age < 2000 ? t(state.lang, "fresh.now") : t(state.lang, "fresh.updated", { age: ageText(age) });
  setText(node, text);
  const status = isStale() ? "stale" : age === null ? "loading" : "fresh";
  if (node.dataset.state !== status) node.dataset.state = status;
}

function renderChrome() {
  relabel(document, state.lang);
  controls.lang.value = state.lang;
  controls.api.value = state.view.api;
  if (controls.filter.value !== state.view.filter) controls.filter.value = state.view.filter;
  for (const tab of tabs) {
    if (tab.dataset.kindTab === state.view.kind) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  $("[data-view-title]").textContent = t(state.lang, `tab.${state.view.kind}`);
  $("[data-view-intro]").textContent = t(state.lang, `intro.${state.view.kind}`);
  const banner = $("[data-load-error]");
  banner.hidden = !isStale();
  setText(banner, isStale() ? t(state.lang, "load.stale", { problem: describeFailure(state.loadError, state.lang) }) : "");
  renderVersionBanner();
  renderFreshness();
}

/** Warns when the backend's rules differ from the ones this page runs. */
function renderVersionBanner() {
  const banner = $("[data-version-warning]");
  const module = rules.rulesVersion();
  const differs = state.backendVersion !== undefined && state.backendVersion !== module;
  banner.hidden = !differs;
  banner.textContent = differs
    ? t(state.lang, "version.mismatch", { backend: state.backendVersion ?? t(state.lang, "version.missing"), module })
    : "";
}

function renderOutcome() {
  const outcome = state.outcome && state.outcome.failure
    ? { action: state.outcome.action, error: describeFailure(state.outcome.failure, state.lang) }
    : state.outcome;
  renderResults(controls.results, {
    outcome,
    names: (id) => state.outcome?.names?.get(id) ?? id,
    lang: state.lang,
    onDismiss() {
      state.outcome = null;
      renderOutcome();
      controls.main.focus();
    },
  });
}

function renderAll() {
  renderChrome();
  renderTable();
  renderOutcome();
}

// ---- data ------------------------------------------------------------------

let unusedFirstList = firstList;
/** The list of a view: the one asked for at start-up if it is for this view, else a new call. */
async function listItems(version, kind) {
  const first = unusedFirstList;
  unusedFirstList = null;
  const api = await ensureApi();
  if (first && first.kind === kind && first.api === version && first.lang === state.lang) return first.items;
  return api.listJobs(version, kind, state.lang);
}

let loadSeq = 0;
let refreshTimer = null;
async function load() {
  const seq = ++loadSeq;
  clearTimeout(refreshTimer);
  state.loading = true;
  renderFreshness();
  const { api: version, kind } = state.view;
  try {
    const items = await listItems(version, kind);
    if (seq !== loadSeq) return; // a newer load (another view) won
    setEntries(readEntries(items, rulesOptions()));
    state.loadError = null;
    state.loadedAt = Date.now();
    for (const key of state.selected) if (!state.byKey.get(key)?.task) state.selected.delete(key);
  } catch (error) {
    if (error?.status === 401 || error?.status === 403) forgetSession(); // another token may belong elsewhere
    if (seq !== loadSeq) return;
    state.loadError = error;
  } finally {
    if (seq === loadSeq) {
      state.loading = false;
      refreshTimer = setTimeout(load, state.view.refreshSeconds * 1000);
    }
  }
  renderChrome();
  renderTable();
}

/** Sends a plan's request; shows every task's result (and the ones not sent), then follows the accepted ones. */
async function submit(action, plan, tasks) {
  const names = new Map(tasks.map((task) => [task.id, typeof task.name === "string" && task.name ? task.name : task.id]));
  for (const id of [...plan.accepted, ...plan.rejected].map((entry) => entry.id)) state.selected.delete(id);
  try {
    const endpoint = plan.endpoint ?? DELETE_ENDPOINT;
    const results = await (await ensureApi()).send(endpoint, plan.request, state.lang);
    state.outcome = { action, names, results, notSent: plan.rejected };
    const accepted = new Set(results.filter((result) => result?.status === "success").map((result) => result.id));
    if (action === "delete") setEntries(state.entries.filter((entry) => !accepted.has(entry.key)));
    else follow([...accepted]);
  } catch (error) {
    state.outcome = { action, names, failure: error };
  }
  state.focusAfterDialog = controls.results;
  renderOutcome();
  renderTable();
  // Whatever the backend refused may have changed under us: show its state now.
  load();
}

function follow(ids) {
  if (ids.length === 0) return;
  pollUntilStopped({
    ids,
    fetchStatuses: async (remaining) => (await ensureApi()).batchStatus(remaining, state.lang),
    onStatuses(results) {
      const statuses = new Map(results.filter((result) => typeof result?.id === "string").map((result) => [result.id, result.status]));
      if (updateStatuses(statuses)) renderTable();
    },
    // Still stopping = the package says "already stopping" for the task as now known.
    stillStopping: (id) => state.byKey.get(id)?.decision?.blocked?.code === "ALREADY_STOPPING",
  });
}

// ---- dialogs ---------------------------------------------------------------

/** Where focus goes after a dialog: the results of what was sent, else the row's control, else a toolbar control. */
function focusAfter(key, action) {
  const target = state.focusAfterDialog;
  state.focusAfterDialog = null;
  if (target?.isConnected && !target.hidden) return target;
  if (key !== null) {
    const candidates = [table.control(key, action), tbody.querySelector(`tr[data-key="${CSS.escape(key)}"] [data-why="${action}"]`),
      table.control(key, "select"), table.control(key, "details")];
    const found = candidates.find((node) => node && !node.disabled);
    if (found) return found;
  }
  const batch = action === "delete" ? controls.batchDelete : controls.batchStop;
  return !batch.disabled && !batch.hidden ? batch : controls.main;
}

function taskOf(key) {
  const entry = state.byKey.get(key);
  return entry?.task && !entry.error ? { ...entry.task } : null;
}

function dialogBase(key, action) {
  return {
    lang: state.lang,
    rules: rulesOptions,
    returnFocus: () => focusAfter(key, action),
    onClose: () => (state.dialog = null),
  };
}

function openStop(key) {
  const task = taskOf(key);
  if (!task || state.dialog || isStale()) return;
  state.dialog = openStopDialog({
    ...dialogBase(key, "stop"),
    task,
    onConfirm: (force) => submit("stop", rules.planStop({ tasks: [task], force, api: state.view.api, ...rulesOptions() }), [task]),
  });
}

function openDelete(key) {
  const task = taskOf(key);
  if (!task || state.dialog || isStale() || !deleteSupported) return;
  state.dialog = openDeleteDialog({
    ...dialogBase(key, "delete"),
    task,
    onConfirm: () => submit("delete", planFor("delete", { tasks: [task], ...rulesOptions() }), [task]),
  });
}

function openDetails(key) {
  const task = taskOf(key);
  if (!task || state.dialog) return;
  state.dialog = openDetailsDialog({ ...dialogBase(key, "details"), task });
}

function openBatch(action) {
  const tasks = state.entries.filter((entry) => entry.task && !entry.error && state.selected.has(entry.key)).map((entry) => ({ ...entry.task }));
  if (tasks.length === 0 || state.dialog || isStale()) return;
  const input = (lang) => (action === "stop" ? { tasks, api: state.view.api, ...rulesOptions(lang) } : { tasks, ...rulesOptions(lang) });
  state.dialog = openBatchDialog({
    ...dialogBase(null, action),
    action,
    tasks,
    plan: (lang) => planFor(action, input(lang)),
    onConfirm: (plan) => submit(action, plan, tasks),
  });
}

// ---- view changes ------------------------------------------------------------

/** Shows another kind of task or API version: a new list. */
function changeSource(changes, { push = true } = {}) {
  Object.assign(state.view, changes, { page: 1 });
  showViewInUrl(state.view, { push });
  setEntries([]);
  state.selected.clear();
  state.outcome = null;
  state.loadError = null;
  state.loadedAt = null;
  renderAll();
  load();
}

function changePage(changes) {
  Object.assign(state.view, changes);
  showViewInUrl(state.view);
  renderTable();
}

for (const tab of tabs) {
  tab.addEventListener("click", (event) => {
    // Let the browser open the link elsewhere when asked to.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    if (tab.dataset.kindTab !== state.view.kind) changeSource({ kind: tab.dataset.kindTab });
  });
}

window.addEventListener("popstate", () => {
  const next = readView(location.search);
  const sourceChanged = next.kind !== state.view.kind || next.api !== state.view.api;
  state.view = next;
  if (sourceChanged) changeSource({}, { push: false });
  else renderAll();
});

controls.lang.addEventListener("change", () => {
  state.lang = LANGS.includes(controls.lang.value) ? controls.lang.value : "en-us";
  writeStored("local", LANG_KEY, state.lang);
  renderChrome();
  renderOutcome();
  redecide();
});

controls.api.addEventListener("change", () => {
  if (API_VERSIONS.includes(controls.api.value) && controls.api.value !== state.view.api) changeSource({ api: controls.api.value });
});

controls.selectAll.addEventListener("change", () => {
  for (const entry of currentPage().rows) {
    if (!entry.task || entry.error) continue;
    if (controls.selectAll.checked) state.selected.add(entry.key);
    else state.selected.delete(entry.key);
  }
  renderTable();
});

controls.clearSelection.addEventListener("click", () => {
  state.selected.clear();
  renderTable();
  controls.filter.focus();
});
controls.batchStop.addEventListener("click", () => openBatch("stop"));
controls.batchDelete.addEventListener("click", () => openBatch("delete"));
controls.refresh.addEventListener("click", () => load());
controls.filter.addEventListener("input", () => changePage({ filter: controls.filter.value, page: 1 }));
controls.prev.addEventListener("click", () => changePage({ page: Math.max(1, currentPage().page - 1) }));
controls.next.addEventListener("click", () => changePage({ page: currentPage().page + 1 }));
controls.pageSize.addEventListener("change", () => {
  const size = Number(controls.pageSize.value);
  if (PAGE_SIZES.includes(size)) changePage({ size, page: 1 });
});

// The skip link moves focus without touching the URL's hash.
$(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  controls.main.focus();
});

dismissTooltipsOnEscape(tbody);
setInterval(renderFreshness, 1000);

if (!KINDS.includes(state.view.kind)) state.view.kind = KINDS[0];
renderAll();
load();
