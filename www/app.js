// The console: state, wiring and rendering order. Stop rules are never
// written here; every stop decision and plan comes from the drs-stop-rules
// package (the same Rust code the backend runs natively).

import { evaluateStop, evaluateStops, planStop, rulesVersion } from "/pkg/index.js";
import { createApi } from "./api.js";
import { t, relabel, LANGS } from "./i18n.js";
import { renderRows, stopButtonOf } from "./table.js";
import { openStopDialog } from "./stop-dialog.js";
import { openBatchDialog } from "./batch-dialog.js";
import { renderResults } from "./results.js";
import { pollUntilStopped } from "./poll.js";

const KINDS = ["migration", "sync", "cloudDataGuard"];
const LANG_KEY = "drs-console-lang";

const params = new URLSearchParams(location.search);
const state = {
  lang: LANGS.includes(localStorage.getItem(LANG_KEY)) ? localStorage.getItem(LANG_KEY) : "en-us",
  kind: KINDS.includes(location.hash.slice(1)) ? location.hash.slice(1) : "migration",
  tasks: [],
  selected: new Set(),
  filter: "",
  loading: false,
  loadError: null,
  dialog: null,
  outcome: null,
  backendVersion: undefined,
};

const api = createApi({
  projectId: params.get("project_id") ?? "0549b0bd2b00d3f52f9cc0138c6b0f1e",
  onRulesVersion(version) {
    state.backendVersion = version;
    renderVersionBanner();
  },
});

const $ = (selector) => document.querySelector(selector);
const tbody = $("table.tasks tbody");
const tabs = [...document.querySelectorAll("[data-kind-tab]")];

// ---- rendering -------------------------------------------------------------

function visibleTasks() {
  const needle = state.filter.trim().toLowerCase();
  return needle ? state.tasks.filter((task) => (task.name ?? task.id).toLowerCase().includes(needle)) : state.tasks;
}

function renderTable() {
  const tasks = visibleTasks();
  renderRows(tbody, {
    tasks,
    decisions: evaluateStops(tasks, { lang: state.lang }),
    selected: state.selected,
    lang: state.lang,
    onStop: openStop,
    onSelect(id, selected) {
      if (selected) state.selected.add(id);
      else state.selected.delete(id);
      renderTable();
    },
  });
  if (state.loading && state.tasks.length === 0) {
    tbody.querySelector("tr.empty td")?.replaceChildren(t(state.lang, "table.loading"));
  }
  const selectAll = $("[data-select-all]");
  const shownSelected = tasks.filter((task) => state.selected.has(task.id)).length;
  selectAll.checked = tasks.length > 0 && shownSelected === tasks.length;
  selectAll.indeterminate = shownSelected > 0 && shownSelected < tasks.length;
  $("[data-action='batch-stop']").disabled = state.selected.size === 0;
  $("[data-table-total]").textContent = t(state.lang, "table.total", { count: tasks.length });
  $("[data-table-selected]").textContent = state.selected.size ? t(state.lang, "table.selected", { count: state.selected.size }) : "";
}

function renderChrome() {
  relabel(document, state.lang);
  $("select[name='lang']").value = state.lang;
  for (const tab of tabs) {
    const active = tab.dataset.kindTab === state.kind;
    tab.setAttribute("aria-selected", String(active));
    tab.tabIndex = active ? 0 : -1;
  }
  $("#panel").setAttribute("aria-labelledby", `tab-${state.kind}`);
  $("[data-view-title]").textContent = t(state.lang, `tab.${state.kind}`);
  $("[data-view-intro]").textContent = t(state.lang, `intro.${state.kind}`);
  const loadError = $("[data-load-error]");
  loadError.hidden = !state.loadError;
  loadError.textContent = state.loadError ? t(state.lang, "load.failed", { message: state.loadError }) : "";
  renderVersionBanner();
}

/** Warns when the backend's rules differ from the ones this page runs. */
function renderVersionBanner() {
  const banner = $("[data-version-warning]");
  const module = rulesVersion();
  const differs = state.backendVersion !== undefined && state.backendVersion !== module;
  banner.hidden = !differs;
  banner.textContent = differs
    ? t(state.lang, "version.mismatch", { backend: state.backendVersion ?? t(state.lang, "version.missing"), module })
    : "";
}

function renderOutcome() {
  renderResults($("[data-results]"), {
    outcome: state.outcome,
    names: new Map(state.tasks.map((task) => [task.id, task.name ?? task.id])),
    lang: state.lang,
    onDismiss() {
      state.outcome = null;
      renderOutcome();
    },
  });
}

function renderAll() {
  renderChrome();
  renderTable();
  renderOutcome();
}

// ---- data ------------------------------------------------------------------

let loadToken = 0;
async function load() {
  const token = ++loadToken;
  state.loading = true;
  renderTable();
  try {
    const tasks = await api.listJobs(state.kind, state.lang);
    if (token !== loadToken) return; // a newer tab switch won
    state.tasks = tasks;
    state.loadError = null;
    const ids = new Set(tasks.map((task) => task.id));
    for (const id of state.selected) if (!ids.has(id)) state.selected.delete(id);
  } catch (error) {
    if (token !== loadToken) return;
    state.loadError = error.message;
  } finally {
    if (token === loadToken) state.loading = false;
  }
  renderChrome();
  renderTable();
}

/** Sends the plan's request, shows per-task results, then follows the accepted tasks. */
async function submit(plan) {
  try {
    const results = await api.batchJobs(plan.request, state.lang);
    state.outcome = { results };
    const accepted = results.filter((result) => result.status === "success").map((result) => result.id);
    for (const id of accepted) state.selected.delete(id);
    follow(accepted);
  } catch (error) {
    state.outcome = { error: { code: error.code ?? "NETWORK_ERROR", message: error.message } };
  }
  renderOutcome();
  renderTable();
}

function follow(ids) {
  if (ids.length === 0) return;
  pollUntilStopped({
    ids,
    fetchStatuses: (remaining) => api.batchStatus(remaining, state.lang),
    onStatuses(results) {
      for (const result of results) {
        const task = state.tasks.find((candidate) => candidate.id === result.id);
        if (task && result.status) task.status = result.status;
      }
      renderTable();
    },
    // Still stopping = the rules say "already stopping" for the task's current snapshot.
    stillStopping(id) {
      const task = state.tasks.find((candidate) => candidate.id === id);
      return task !== undefined && evaluateStop(task, { lang: state.lang }).blocked?.code === "ALREADY_STOPPING";
    },
  });
}

// ---- actions ---------------------------------------------------------------

/** Where focus goes back to after a dialog: the row's Stop button, or its checkbox once Stop is disabled. */
function rowFocusTarget(id) {
  const stop = stopButtonOf(tbody, id);
  if (stop && !stop.disabled) return stop;
  return stop?.closest("tr")?.querySelector("[data-select]") ?? $("[data-action='batch-stop']");
}

function openStop(id) {
  const task = state.tasks.find((candidate) => candidate.id === id);
  if (!task || state.dialog) return;
  state.dialog = openStopDialog({
    task: { ...task },
    lang: state.lang,
    returnFocus: () => rowFocusTarget(id),
    onClose: () => (state.dialog = null),
    onConfirm: (force) => submit(planStop({ tasks: [task], force, lang: state.lang })),
  });
}

function openBatch() {
  const tasks = state.tasks.filter((task) => state.selected.has(task.id));
  if (tasks.length === 0 || state.dialog) return;
  state.dialog = openBatchDialog({
    tasks: tasks.map((task) => ({ ...task })),
    lang: state.lang,
    returnFocus: () => {
      const batch = $("[data-action='batch-stop']");
      return batch.disabled ? $("[data-action='refresh']") : batch;
    },
    onClose: () => (state.dialog = null),
    onConfirm: (plan) => submit(plan),
  });
}

function selectTab(kind, { focus = false } = {}) {
  if (!KINDS.includes(kind)) return;
  const changed = kind !== state.kind;
  state.kind = kind;
  history.replaceState(null, "", `${location.search}#${kind}`);
  if (changed) {
    state.tasks = [];
    state.selected.clear();
    state.outcome = null;
  }
  renderAll();
  if (focus) tabs.find((tab) => tab.dataset.kindTab === kind)?.focus();
  if (changed) load();
}

// ---- wiring ----------------------------------------------------------------

for (const tab of tabs) {
  tab.addEventListener("click", () => selectTab(tab.dataset.kindTab));
  // Arrow keys move between tabs (roving tabindex), as in any tab list.
  tab.addEventListener("keydown", (event) => {
    const index = tabs.indexOf(tab);
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length].dataset.kindTab, { focus: true });
  });
}

$("select[name='lang']").addEventListener("change", (event) => {
  state.lang = LANGS.includes(event.target.value) ? event.target.value : "en-us";
  localStorage.setItem(LANG_KEY, state.lang);
  renderAll();
  state.dialog?.relabel(state.lang);
});

$("[data-select-all]").addEventListener("change", (event) => {
  for (const task of visibleTasks()) {
    if (event.target.checked) state.selected.add(task.id);
    else state.selected.delete(task.id);
  }
  renderTable();
});

$("[data-action='batch-stop']").addEventListener("click", openBatch);
$("[data-action='refresh']").addEventListener("click", load);
$("input[name='filter']").addEventListener("input", (event) => {
  state.filter = event.target.value;
  renderTable();
});

renderAll();
load();
