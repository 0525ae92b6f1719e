// The stop rules written by hand in plain JavaScript, as fast as a strong
// engineer would write them without the package: the benchmark's yardstick.
// It lives only in bench/ (never shipped, never used by the page).
//
// Exact to the contract (/work/shared/spec/stop-rules.md, as the crate
// implements it): the same decisions, the same validation in the same order
// and the same errors (name, code, path, message). Fast the honest way:
// decisions are built once per distinct rule input and kept across calls in
// an array indexed by small integers (no per-task string keys); each task's
// decision is a literal copying its template's fields plus its id.
//
// The sentences and labels come from `text` (bench/baseline-text.mjs); the
// rules below are the baseline's own.

const KINDS = ["migration", "sync", "cloudDataGuard"];
const MIGRATION = 0;
const SYNC = 1;
const DR = 2;
const UNKNOWN_KIND = 3;

const NORMAL = 0;
const FORCE = 1;
// Per status, the cell for migration, sync and cloudDataGuard: NORMAL or
// FORCE (stoppable, with that default mode) or the code that blocks Stop.
const all = (cell) => [cell, cell, cell];
const TABLE = [
  ["CREATING", all(NORMAL)],
  ["CONFIGURATION", all(NORMAL)],
  ["WAITING_FOR_START", [NORMAL, NORMAL, "NOT_STOPPABLE_IN_STATUS"]],
  ["STARTJOBING", all("OPERATION_IN_PROGRESS")],
  ["START_JOB_FAILED", all("NOT_STOPPABLE_IN_STATUS")],
  ["CREATE_FAILED", all("CREATION_FAILED")],
  ["FULL_TRANSFER_STARTED", all(NORMAL)],
  ["FULL_TRANSFER_COMPLETE", [NORMAL, NORMAL, "NOT_STOPPABLE_IN_STATUS"]],
  ["FULL_TRANSFER_FAILED", all(FORCE)],
  ["INCRE_TRANSFER_STARTED", all(NORMAL)],
  ["INCRE_TRANSFER_FAILED", all(FORCE)],
  ["PAUSING", all(NORMAL)],
  ["REBUILD_NODE_STARTED", all("FAULT_BEING_RECTIFIED")],
  ["REBUILD_NODE_FAILED", all(FORCE)],
  ["RELEASE_RESOURCE_STARTED", all("ALREADY_STOPPING")],
  ["RELEASE_RESOURCE_FAILED", all(FORCE)],
  ["RELEASE_RESOURCE_COMPLETE", all("ALREADY_STOPPED")],
  ["DELETED", all("DELETED")],
  ["CHANGE_JOB_STARTED", all("OPERATION_IN_PROGRESS")],
  ["CHANGE_JOB_FAILED", all("NOT_STOPPABLE_IN_STATUS")],
  ["CHILD_TRANSFER_STARTING", all("OPERATION_IN_PROGRESS")],
  ["CHILD_TRANSFER_STARTED", all(NORMAL)],
  ["CHILD_TRANSFER_COMPLETE", all(NORMAL)],
  ["CHILD_TRANSFER_FAILED", all(FORCE)],
  ["RELEASE_CHILD_TRANSFER_STARTED", all("ALREADY_STOPPING")],
  ["RELEASE_CHILD_TRANSFER_COMPLETE", all("ALREADY_STOPPED")],
  ["NODE_UPGRADE_START", all("OPERATION_IN_PROGRESS")],
  ["NODE_UPGRADE_COMPLETE", all(NORMAL)],
  ["NODE_UPGRADE_FAILED", all(FORCE)],
];
export const STATUSES = TABLE.map(([status]) => status);
const STATUS_COUNT = STATUSES.length;
const STATUS_INDEX = new Map(STATUSES.map((status, i) => [status, i]));
const ALIASES = new Map([
  ["PAUSEING", STATUS_INDEX.get("PAUSING")],
  ["PAUSED", STATUS_INDEX.get("PAUSING")],
  ["STARTJOB_FAILED", STATUS_INDEX.get("START_JOB_FAILED")],
]);
const CONFIGURATION = STATUS_INDEX.get("CONFIGURATION");
const INCRE_TRANSFER_STARTED = STATUS_INDEX.get("INCRE_TRANSFER_STARTED");
const PAUSING = STATUS_INDEX.get("PAUSING");

const MAX_TASKS = 10_000_000;
const LANGS = ["en-us", "zh-cn"];

// Flag bits of a template key.
const NETWORK_ABNORMAL = 1;
const CONFIGURATION_FAILED = 2;
const IS_PARENT = 4;
const MULTI_WRITE = 8;
const POSTGRESQL = 16;
const FULL_ONLY = 32;
// The backend's verdicts (job_action): none, allowed or refused, for stop and for delete.
const BACKEND_STOP_YES = 64;
const BACKEND_STOP_NO = 128;
const BACKEND_DELETE_YES = 256;
const BACKEND_DELETE_NO = 512;
const FLAG_BITS = 10;
const verdictBits = (verdict, yes, no) => (verdict === true ? yes : verdict === false ? no : 0);
const verdictOf = (flags, yes, no) => (flags & yes ? true : flags & no ? false : null);

function kindIndex(kind) {
  switch (kind) {
    case "migration":
      return MIGRATION;
    case "sync":
      return SYNC;
    case "cloudDataGuard":
      return DR;
    default:
      return UNKNOWN_KIND;
  }
}

// Rust's `str::trim` (Unicode White_Space), which differs from JS `trim`:
// it trims U+0085 and keeps U+FEFF.
const RUST_SPACE = "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const RUST_TRIM = new RegExp(`^[${RUST_SPACE}]+|[${RUST_SPACE}]+$`, "g");
const rustTrim = (text) => text.replace(RUST_TRIM, "");
// ASCII-only case folding, as Rust's `to_ascii_uppercase` and `eq_ignore_ascii_case`.
const asciiUpper = (text) => text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
const isRustSpace = (c) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
/** `text.trim().eq_ignore_ascii_case(upper)` in Rust, without allocating. */
function sameCode(text, upper) {
  if (text === upper) return true;
  let start = 0;
  let end = text.length;
  while (start < end && isRustSpace(text.charCodeAt(start))) start++;
  while (end > start && isRustSpace(text.charCodeAt(end - 1))) end--;
  if (end - start !== upper.length) return false;
  for (let i = 0; i < upper.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}

/** The first word of `text` (Rust's `split_whitespace`) equals `upper`, ASCII case-insensitively. */
function firstWordIs(text, upper) {
  let start = 0;
  while (start < text.length && isRustSpace(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && !isRustSpace(text.charCodeAt(end))) end++;
  return sameCode(text.slice(start, end), upper);
}
/** The kind part of a db_use_type or job_type: before the first colon (ASCII or full-width), trimmed. */
const kindText = (text) => rustTrim(text.split(/[:：]/)[0]);

/** The status after normalisation: [index or -1, normalised text]. */
function parseStatus(raw) {
  const cut = raw.search(/[:：]/);
  const code = asciiUpper(rustTrim(cut < 0 ? raw : raw.slice(0, cut)));
  const index = STATUS_INDEX.get(code) ?? ALIASES.get(code) ?? -1;
  return [index, index < 0 ? code : STATUSES[index]];
}

const langIndex = (tag) => {
  const text = asciiUpper(rustTrim(tag));
  return text === "ZH-CN" || text === "ZH_CN" ? 1 : 0;
};

// Errors: the package's, exactly.
const SHAPES = {
  null: "null or nothing",
  boolean: "a boolean",
  number: "a number",
  string: "a string",
  array: "an array",
  object: "an object",
  other: "a value that is not JSON",
};
function shapeOf(value) {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
    case "number":
      return typeof value;
    case "object":
      try {
        return Array.isArray(value) ? "array" : "object";
      } catch {
        return "other"; // a revoked proxy
      }
    default:
      return "other";
  }
}
const isPlainObject = (value) => shapeOf(value) === "object";

class InputError {
  constructor(path, message) {
    this.path = path;
    this.message = message;
  }
  under(parent) {
    return new InputError(this.path === "" ? parent : `${parent}.${this.path}`, this.message);
  }
  toError() {
    const error = new Error(this.path === "" ? `INVALID_INPUT: ${this.message}` : `INVALID_INPUT at ${this.path}: ${this.message}`);
    error.name = "StopRulesInputError";
    error.code = "INVALID_INPUT";
    error.path = this.path;
    return error;
  }
}
const wrongType = (path, expected, value) => new InputError(path, `expected ${expected}, found ${SHAPES[shapeOf(value)]}`);
function describeThrown(thrown) {
  let message;
  if (typeof thrown === "string") message = thrown;
  else if (typeof thrown === "object" && thrown !== null) {
    try {
      message = typeof thrown.message === "string" ? thrown.message : undefined;
    } catch {}
  }
  message ??= "a value that is not an Error was thrown";
  return `reading it threw: ${[...message].slice(0, 200).join("")}`;
}
function read(object, name, path) {
  try {
    return object[name];
  } catch (thrown) {
    throw new InputError(path, `the value could not be read: ${describeThrown(thrown)}`);
  }
}

const MAX_CHILD_DEPTH = 32;
const nullish = (value) => value === null || value === undefined;

function optionalString(task, name, path = name) {
  const value = read(task, name, path);
  if (typeof value !== "string" && !nullish(value)) throw wrongType(path, "a string", value);
  return value;
}
function optionalFlag(task, name) {
  const value = read(task, name, name);
  if (typeof value !== "boolean" && !nullish(value)) throw wrongType(name, "a boolean", value);
  return value;
}
/** An array's length as the package reads it (a getter may throw; it must be a valid array length). */
function lengthOf(array, path) {
  const length = read(array, "length", path);
  if (!(typeof length === "number" && length >= 0 && length <= 2 ** 32 - 1 && Number.isInteger(length))) {
    throw new InputError(path, "the value could not be read: the array has no valid length");
  }
  return length;
}

/** job_action's verdicts on stop and delete: null (none), true or false (refused wins). */
const readJobAction = (task) => actionVerdict(read(task, "job_action", "job_action"));
function actionVerdict(action) {
  const verdict = { stop: null, delete: null };
  if (nullish(action)) return verdict;
  if (!isPlainObject(action)) throw wrongType("job_action", "a job_action object", action);
  for (const list of ["available_actions", "unavailable_actions"]) {
    const path = `job_action.${list}`;
    const names = read(action, list, path);
    if (nullish(names)) continue;
    if (shapeOf(names) !== "array") throw wrongType(path, "an array of action names", names);
    const length = lengthOf(names, path);
    if (length > MAX_TASKS) throw new InputError(path, `expected at most ${MAX_TASKS} actions, found ${length}`);
    for (let i = 0; i < length; i++) {
      const name = read(names, i, `${path}[${i}]`);
      if (typeof name !== "string") throw wrongType(`${path}[${i}]`, "an action name string", name);
      const which = name === "FREE_RESOURCE" ? "stop" : name === "DELETE" ? "delete" : null;
      if (which !== null) verdict[which] = list === "unavailable_actions" || verdict[which] === false ? false : true;
    }
  }
  return verdict;
}

/**
 * The careful reader: each field in the package's order, each read guarded.
 * Returns [id, kind, status, engine, taskType, network, configFailed, parent, multiWrite, verdict]
 * (`parent` resolved from is_parent, children and job_mode_role), or throws InputError.
 */
function readTaskCarefully(task) {
  if (!isPlainObject(task)) throw wrongType("", "a task object", task);
  const id = optionalString(task, "id");
  let kind = read(task, "db_use_type", "db_use_type");
  if (typeof kind !== "string") {
    if (!nullish(kind)) throw wrongType("db_use_type", "a string", kind);
    kind = optionalString(task, "job_type");
    if (nullish(kind)) throw new InputError("db_use_type", "expected a string, but the field is missing");
  }
  const status = read(task, "status", "status");
  if (typeof status !== "string") {
    throw nullish(status) ? new InputError("status", "expected a string, but the field is missing") : wrongType("status", "a string", status);
  }
  const engine = optionalString(task, "engine_type");
  const taskType = optionalString(task, "task_type");
  const network = optionalFlag(task, "network_abnormal");
  const configFailed = optionalFlag(task, "configuration_failed");
  const children = read(task, "children", "children");
  let hasChildren = false;
  if (shapeOf(children) === "array") hasChildren = lengthOf(children, "children") > 0;
  else if (!nullish(children)) throw wrongType("children", "an array of tasks", children);
  const role = optionalString(task, "job_mode_role");
  const given = optionalFlag(task, "is_parent");
  const parent = typeof given === "boolean" ? given : hasChildren || (typeof role === "string" && sameCode(role, "PARENT"));
  const multiWrite = optionalFlag(task, "multi_write");
  return [id, kind, status, engine, taskType, network, configFailed, parent, multiWrite, readJobAction(task)];
}

// What each known policy allows (contract section 9); any other name allows nothing.
const GRANTS = new Map([
  ["FullAccess", { stop: true, delete: true }],
  ["Administrator", { stop: true, delete: true }],
  ["FullWithOutDeletePermission", { stop: true, delete: false }],
  ["ReadOnlyAccess", { stop: false, delete: false }],
]);
const NOTHING = { stop: false, delete: false };

/** The options as [language index, policy name], read in the package's order: lang, then policy. */
function readOptions(options) {
  if (options === null || options === undefined) return [0, "FullAccess", false];
  if (!isPlainObject(options)) throw wrongType("", "an options object", options).toError();
  try {
    const lang = read(options, "lang", "lang");
    if (typeof lang !== "string" && lang !== null && lang !== undefined) throw wrongType("lang", "a language tag string", lang);
    const policy = read(options, "policy", "policy");
    if (typeof policy !== "string" && policy !== null && policy !== undefined) throw wrongType("policy", "a policy name string", policy);
    const children = read(options, "children", "children");
    if (typeof children !== "boolean" && !nullish(children)) throw wrongType("children", "a boolean", children);
    return [typeof lang === "string" ? langIndex(lang) : 0, policy ?? "FullAccess", children === true];
  } catch (error) {
    throw error instanceof InputError ? error.toError() : error;
  }
}

/** The stop rules over `text` (from textFromPackage): evaluateStop and evaluateStops. */
export function createBaseline(text) {
  const notices = LANGS.map((lang) => text.notices[lang]);
  const labels = LANGS.map((lang) => text.labels[lang]);
  const EMPTY = Object.freeze([]);
  const noticeCache = new Map();
  const notice = (lang, kind, code) => {
    const key = `${lang}|${kind}|${code}`; // once per template, not per task
    let found = noticeCache.get(key);
    if (found === undefined) {
      found = Object.freeze({ code, message: notices[lang][kind][code] ?? notices[lang][UNKNOWN_KIND][code] });
      noticeCache.set(key, found);
    }
    return found;
  };
  const notes = (lang, kind, codes) => Object.freeze(codes.map((code) => notice(lang, kind, code)));
  const deletes = LANGS.map((lang) => text.deletes[lang]);
  const permission = LANGS.map((lang) => text.permission[lang]);
  // NO_PERMISSION names the policy as given, so it is built per policy (per template).
  const noPermission = (lang, policy, action) =>
    Object.freeze({ code: "NO_PERMISSION", message: permission[lang][action].join(policy.name) });
  const deleteNotice = (lang, kind, code, policy) =>
    code === "NO_PERMISSION"
      ? noPermission(lang, policy, "delete")
      : Object.freeze({ code, message: deletes[lang][kind][code] ?? deletes[lang][UNKNOWN_KIND][code] });
  const DELETABLE = new Set(["CREATE_FAILED", "RELEASE_RESOURCE_COMPLETE", "RELEASE_CHILD_TRANSFER_COMPLETE"].map((s) => STATUS_INDEX.get(s)));
  const AVAILABLE = Object.freeze({ available: true, blocked: null });
  /** The delete option (contract section 8), for a known kind and status. */
  function deleteCodeOf(kind, status, flags, policy) {
    if (STATUSES[status] === "DELETED") return "DELETED";
    if (!DELETABLE.has(status)) return "STOP_FIRST";
    if (flags & IS_PARENT && !(kind === DR && flags & MULTI_WRITE)) return "PARENT_TASK";
    if (!policy.grants.delete) return "NO_PERMISSION";
    return null;
  }
  const deleteOption = (lang, kind, code, policy) =>
    code === null ? AVAILABLE : Object.freeze({ available: false, blocked: deleteNotice(lang, kind, code, policy) });
  /** The backend's report, and the codes once its refusals are applied (the rules' own code stands). */
  function withBackend(flags, stopCode, deleteCode) {
    const stop = verdictOf(flags, BACKEND_STOP_YES, BACKEND_STOP_NO);
    const del = verdictOf(flags, BACKEND_DELETE_YES, BACKEND_DELETE_NO);
    const agrees = (stop === null || stop === (stopCode === null)) && (del === null || del === (deleteCode === null));
    return [
      Object.freeze({ stop, delete: del, agrees }),
      stopCode ?? (stop === false ? "BACKEND_REFUSED" : null),
      deleteCode ?? (del === false ? "BACKEND_REFUSED" : null),
    ];
  }

  // Everything in a decision but its id, for a known kind and status.
  function blockedParts(lang, kind, dbUseType, status, label, code, deleteOption, backend, policy) {
    const blocked = code === "NO_PERMISSION" ? noPermission(lang, policy, "stop") : notice(lang, kind, code);
    const unavailable = (deleteType, force) =>
      Object.freeze({ available: false, delete_type: deleteType, is_force_stop: force, blocked, consequences: EMPTY, follow_ups: EMPTY });
    return {
      db_use_type: dbUseType, status, status_label: label, stoppable: false, blocked, abnormal: false,
      abnormal_reasons: EMPTY, preselected_mode: null,
      modes: Object.freeze({ normal: unavailable("terminate", false), force: unavailable("force_terminate", true) }),
      advice: EMPTY,
      delete: deleteOption,
      backend,
    };
  }

  function templateOf(lang, kind, status, flags, policy) {
    const code = STATUSES[status];
    const label = labels[lang][kind][code];
    const cell = TABLE[status][1][kind];
    let blockedCode = null;
    if (typeof cell === "string") blockedCode = cell;
    else if (status === CONFIGURATION && flags & CONFIGURATION_FAILED) blockedCode = "CONFIGURATION_FAILED";
    else if (flags & IS_PARENT && !(kind === DR && flags & MULTI_WRITE)) blockedCode = "PARENT_TASK";
    else if (!policy.grants.stop) blockedCode = "NO_PERMISSION";
    const [backend, stopCode, deleteCode] = withBackend(flags, blockedCode, deleteCodeOf(kind, status, flags, policy));
    const del = deleteOption(lang, kind, deleteCode, policy);
    if (stopCode !== null) return blockedParts(lang, kind, KINDS[kind], code, label, stopCode, del, backend, policy);

    const reasons = [];
    if (cell === FORCE) reasons.push("FAILED_STATUS");
    if (flags & NETWORK_ABNORMAL) reasons.push("NETWORK_ABNORMAL");
    const abnormal = reasons.length > 0;
    const migration = kind === MIGRATION;
    const followUps = [];
    if (migration) followUps.push("MIGRATE_TRIGGERS_AND_EVENTS_MANUALLY");
    if (kind === SYNC && flags & POSTGRESQL) {
      followUps.push("PG_SYNC_SEQUENCES");
      if (!(flags & FULL_ONLY)) followUps.push("PG_DROP_REPLICATION_SLOTS", "PG_RESET_SESSION_REPLICATION_ROLE");
    }
    const advice = ["STOP_BEFORE_NETWORK_DISCONNECT"];
    if (abnormal) advice.push("RESTORE_FIRST");
    if (status === INCRE_TRANSFER_STARTED && kind !== DR) advice.push("COMPARE_AND_CUT_OVER_FIRST");
    if (status === PAUSING) advice.push("LONG_PAUSE_RISK");
    const normal = Object.freeze({
      available: !abnormal, delete_type: "terminate", is_force_stop: false,
      blocked: abnormal ? notice(lang, kind, "TASK_ABNORMAL") : null,
      consequences: notes(lang, kind, migration ? ["IRREVERSIBLE", "TRIGGERS_AND_EVENTS_MIGRATED"] : ["IRREVERSIBLE"]),
      follow_ups: EMPTY,
    });
    const force = Object.freeze({
      available: true, delete_type: "force_terminate", is_force_stop: true, blocked: null,
      consequences: notes(lang, kind, ["IRREVERSIBLE", "RESOURCES_RELEASED_AT_ONCE", migration ? "TRIGGERS_AND_EVENTS_NOT_MIGRATED" : "CHECK_SYNC_IMPACT"]),
      follow_ups: followUps.length ? notes(lang, kind, followUps) : EMPTY,
    });
    return {
      db_use_type: KINDS[kind], status: code, status_label: label, stoppable: true, blocked: null, abnormal,
      abnormal_reasons: reasons.length ? Object.freeze(reasons) : EMPTY, preselected_mode: abnormal ? "force" : "normal",
      modes: Object.freeze({ normal, force }), advice: notes(lang, kind, advice), delete: del, backend,
    };
  }

  // Templates of known kinds and statuses, kept across calls: index
  // ((lang * 3 + kind) * statuses + status) << FLAG_BITS | flags.
  // One table per policy name (bounded: a policy is free text).
  const policies = new Map();
  const policyOf = (name) => {
    let policy = policies.get(name);
    if (policy === undefined) {
      if (policies.size >= 64) policies.clear();
      const templates = new Array(LANGS.length * 3 * STATUS_COUNT).fill(undefined);
      policies.set(name, (policy = { name, grants: GRANTS.get(name) ?? NOTHING, templates }));
    }
    return policy;
  };
  const withId = (id, t, parentId = null) => ({
    id, parent_id: parentId, db_use_type: t.db_use_type, status: t.status, status_label: t.status_label, stoppable: t.stoppable,
    blocked: t.blocked, abnormal: t.abnormal, abnormal_reasons: t.abnormal_reasons, preselected_mode: t.preselected_mode,
    modes: t.modes, advice: t.advice, delete: t.delete, backend: t.backend,
  });

  /**
   * The decision for one task, the fields already checked. The hot path: a
   * switch, a Map hit on the canonical status, an array index.
   */
  function decide(lang, policy, id, kindRaw, statusText, engine, taskType, network, configFailed, parent, multiWrite, verdict, parentId = null) {
    let kind = kindIndex(kindRaw);
    let dbUseType = kindRaw;
    if (kind === UNKNOWN_KIND) {
      dbUseType = kindText(kindRaw);
      kind = kindIndex(dbUseType);
      if (kind !== UNKNOWN_KIND) dbUseType = KINDS[kind];
    }
    let status = STATUS_INDEX.get(statusText);
    let normalised = statusText;
    if (status === undefined) [status, normalised] = parseStatus(statusText);
    let flags = 0;
    if (verdict !== null) flags |= verdictBits(verdict.stop, BACKEND_STOP_YES, BACKEND_STOP_NO) | verdictBits(verdict.delete, BACKEND_DELETE_YES, BACKEND_DELETE_NO);
    if (kind === UNKNOWN_KIND || status < 0) {
      // Fail-safe: the raw status is the label. Rare, so built afresh.
      const code = kind === UNKNOWN_KIND ? "UNKNOWN_KIND" : "UNKNOWN_STATUS";
      const [backend] = withBackend(flags, code, code);
      const del = deleteOption(lang, kind, code, policy);
      return withId(id, blockedParts(lang, kind, dbUseType, normalised, statusText, code, del, backend, policy), parentId);
    }
    if (network === true) flags |= NETWORK_ABNORMAL;
    if (configFailed === true) flags |= CONFIGURATION_FAILED;
    if (parent === true) flags |= IS_PARENT;
    if (multiWrite === true) flags |= MULTI_WRITE;
    if (typeof engine === "string" && (engine === "postgresql" || sameCode(engine, "POSTGRESQL"))) flags |= POSTGRESQL;
    if (typeof taskType === "string" && firstWordIs(taskType, "FULL_TRANS")) flags |= FULL_ONLY;
    const row = (lang * 3 + kind) * STATUS_COUNT + status;
    const templates = policy.templates[row] ?? (policy.templates[row] = new Array(1 << FLAG_BITS).fill(undefined));
    const template = templates[flags] ?? (templates[flags] = templateOf(lang, kind, status, flags, policy));
    return withId(id, template, parentId);
  }

  const decideChecked = (lang, policy, values, parentId = null) => decide(lang, policy, values[0] ?? null, ...values.slice(1), parentId);

  /**
   * `children: true`: every task read with its nested children first (so a
   * bad child throws before anything is decided), then decided depth-first,
   * each child with its parent's id.
   */
  function evaluateTrees(tasks, length, lang, policy) {
    let budget = MAX_TASKS;
    const readTree = (value, depth) => {
      if (budget === 0) throw new InputError("", `expected at most ${MAX_TASKS} tasks in all, children included`);
      budget -= 1;
      const values = readTaskCarefully(value);
      const children = read(value, "children", "children");
      const nested = [];
      if (!nullish(children)) {
        if (depth >= MAX_CHILD_DEPTH) throw new InputError("children", `expected children nested at most ${MAX_CHILD_DEPTH} deep`);
        nested.push(...readElements(children, "children", (child) => readTree(child, depth + 1)));
      }
      return { values, nested };
    };
    const readElements = (array, path, readOne) => {
      if (shapeOf(array) !== "array") throw wrongType(path, "an array of task objects", array);
      const count = lengthOf(array, path);
      if (count > MAX_TASKS) throw new InputError(path, `expected at most ${MAX_TASKS} tasks, found ${count}`);
      const items = [];
      for (let j = 0; j < count; j++) {
        const element = read(array, j, `${path}[${j}]`);
        try {
          items.push(readOne(element));
        } catch (error) {
          throw error instanceof InputError ? error.under(`${path}[${j}]`) : error;
        }
      }
      return items;
    };
    let roots;
    try {
      roots = readElements(tasks, "", (task) => readTree(task, 0));
    } catch (error) {
      throw error instanceof InputError ? error.toError() : error;
    }
    const out = [];
    const push = ({ values, nested }, parentId) => {
      out.push(decideChecked(lang, policy, values, parentId));
      for (const child of nested) push(child, values[0] ?? null);
    };
    for (const root of roots) push(root, null);
    return out;
  }

  return {
    evaluateStop(task, options) {
      const [lang, policyName] = readOptions(options);
      const policy = policyOf(policyName);
      let values;
      try {
        values = readTaskCarefully(task);
      } catch (error) {
        throw error instanceof InputError ? error.toError() : error;
      }
      return decideChecked(lang, policy, values);
    },

    evaluateStops(tasks, options) {
      const [lang, policyName, withChildren] = readOptions(options);
      const policy = policyOf(policyName);
      if (shapeOf(tasks) !== "array") throw wrongType("", "an array of task objects", tasks).toError();
      let length;
      try {
        length = read(tasks, "length", "");
      } catch (error) {
        throw error.toError();
      }
      if (!(typeof length === "number" && length >= 0 && length <= 2 ** 32 - 1 && Number.isInteger(length))) {
        throw new InputError("", "the value could not be read: the array has no valid length").toError();
      }
      if (length > MAX_TASKS) throw new InputError("", `expected at most ${MAX_TASKS} tasks, found ${length}`).toError();
      if (withChildren) return evaluateTrees(tasks, length, lang, policy);
      const out = new Array(length);
      let i = 0;
      try {
        // The fast loop: plain reads and typeof checks. Anything odd (a wrong
        // type, a throwing getter) leaves it for the careful reader below.
        for (; i < length; i++) {
          const task = tasks[i];
          if (typeof task !== "object" || task === null || Array.isArray(task)) break;
          const id = task.id;
          let kind = task.db_use_type;
          if (kind == null) kind = task.job_type; // v5 items name the kind job_type
          const status = task.status;
          const engine = task.engine_type;
          const taskType = task.task_type;
          const network = task.network_abnormal;
          const configFailed = task.configuration_failed;
          const children = task.children;
          const role = task.job_mode_role;
          const given = task.is_parent;
          const multiWrite = task.multi_write;
          const action = task.job_action;
          if (
            (typeof id !== "string" && id != null) || typeof kind !== "string" || typeof status !== "string" ||
            (typeof engine !== "string" && engine != null) || (typeof taskType !== "string" && taskType != null) ||
            (typeof network !== "boolean" && network != null) || (typeof configFailed !== "boolean" && configFailed != null) ||
            (children != null && !Array.isArray(children)) || (typeof role !== "string" && role != null) ||
            (typeof given !== "boolean" && given != null) || (typeof multiWrite !== "boolean" && multiWrite != null)
          ) break;
          const parent =
            typeof given === "boolean" ? given : (children != null && children.length > 0) || (typeof role === "string" && sameCode(role, "PARENT"));
          const verdict = action == null ? null : actionVerdict(action);
          out[i] = decide(lang, policy, id ?? null, kind, status, engine, taskType, network, configFailed, parent, multiWrite, verdict);
        }
      } catch {
        // A getter threw: the careful reader below says where, as the package does.
      }
      for (; i < length; i++) {
        let values;
        try {
          const task = read(tasks, i, "");
          try {
            values = readTaskCarefully(task);
          } catch (error) {
            throw error instanceof InputError ? error.under(`[${i}]`) : error;
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          throw (error.path === "" ? error.under(`[${i}]`) : error).toError();
        }
        out[i] = decideChecked(lang, policy, values);
      }
      return out;
    },
  };
}
