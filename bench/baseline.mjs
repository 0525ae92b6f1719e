// The stop rules written by hand in plain JavaScript, as a console team would
// without the package: the benchmark's yardstick for the wasm build. It lives
// only here. The rules (table, order of checks, lists) are its own; the
// sentences and labels are read from the package once at start-up
// (messagesFromPackage) so that the decisions can be compared field by field.

const KINDS = ["migration", "sync", "cloudDataGuard"];

// Per status: the cell for migration, sync and cloudDataGuard: "normal" or
// "force" (stoppable, with that default mode) or the code that blocks Stop.
const all = (cell) => [cell, cell, cell];
const TABLE = new Map([
  ["CREATING", all("normal")],
  ["CONFIGURATION", all("normal")],
  ["WAITING_FOR_START", ["normal", "normal", "NOT_STOPPABLE_IN_STATUS"]],
  ["STARTJOBING", all("OPERATION_IN_PROGRESS")],
  ["START_JOB_FAILED", all("NOT_STOPPABLE_IN_STATUS")],
  ["CREATE_FAILED", all("CREATION_FAILED")],
  ["FULL_TRANSFER_STARTED", all("normal")],
  ["FULL_TRANSFER_COMPLETE", ["normal", "normal", "NOT_STOPPABLE_IN_STATUS"]],
  ["FULL_TRANSFER_FAILED", all("force")],
  ["INCRE_TRANSFER_STARTED", all("normal")],
  ["INCRE_TRANSFER_FAILED", all("force")],
  ["PAUSING", all("normal")],
  ["REBUILD_NODE_STARTED", all("FAULT_BEING_RECTIFIED")],
  ["REBUILD_NODE_FAILED", all("force")],
  ["RELEASE_RESOURCE_STARTED", all("ALREADY_STOPPING")],
  ["RELEASE_RESOURCE_FAILED", all("force")],
  ["RELEASE_RESOURCE_COMPLETE", all("ALREADY_STOPPED")],
  ["DELETED", all("DELETED")],
  ["CHANGE_JOB_STARTED", all("OPERATION_IN_PROGRESS")],
  ["CHANGE_JOB_FAILED", all("NOT_STOPPABLE_IN_STATUS")],
  ["CHILD_TRANSFER_STARTING", all("OPERATION_IN_PROGRESS")],
  ["CHILD_TRANSFER_STARTED", all("normal")],
  ["CHILD_TRANSFER_COMPLETE", all("normal")],
  ["CHILD_TRANSFER_FAILED", all("force")],
  ["RELEASE_CHILD_TRANSFER_STARTED", all("ALREADY_STOPPING")],
  ["RELEASE_CHILD_TRANSFER_COMPLETE", all("ALREADY_STOPPED")],
  ["NODE_UPGRADE_START", all("OPERATION_IN_PROGRESS")],
  ["NODE_UPGRADE_COMPLETE", all("normal")],
  ["NODE_UPGRADE_FAILED", all("force")],
]);
const ALIASES = new Map([
  ["PAUSEING", "PAUSING"],
  ["PAUSED", "PAUSING"],
  ["STARTJOB_FAILED", "START_JOB_FAILED"],
]);

export const STATUSES = [...TABLE.keys()];

const asciiUpper = (text) => text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
const sameCode = (value, expected) => typeof value === "string" && asciiUpper(value.trim()) === expected;

export function normaliseStatus(raw) {
  const code = asciiUpper(raw.trim().split(/[:：]/)[0].trim());
  return ALIASES.get(code) ?? code;
}

const normaliseLang = (lang) => (typeof lang === "string" && lang.trim().toLowerCase() === "zh-cn" ? "zh-cn" : "en-us");

function checkTask(task) {
  if (task === null || typeof task !== "object") throw new TypeError("a task must be an object");
  if (typeof task.db_use_type !== "string") throw new TypeError("db_use_type must be a string");
  if (typeof task.status !== "string") throw new TypeError("status must be a string");
}

/**
 * The sentences and labels, read from the package: messages per language,
 * kind and code; labels per language, kind and status (from stopMatrix).
 */
export function messagesFromPackage(api) {
  const messages = new Map();
  const labels = new Map();
  for (const lang of ["en-us", "zh-cn"]) {
    for (const row of api.stopMatrix(lang).rows) {
      for (const kind of KINDS) labels.set(`${lang}|${kind}|${row.status}`, row[kind].label);
    }
    for (const kind of [...KINDS, "?"]) {
      for (const status of [...STATUSES, "?"]) {
        for (const flags of [{}, { network_abnormal: true }, { configuration_failed: true }, { is_parent: true }, { engine_type: "postgresql" }]) {
          const d = api.evaluateStop({ db_use_type: kind, status, ...flags }, { lang });
          const notices = [d.blocked, d.modes.normal.blocked, d.modes.force.blocked, d.advice];
          for (const mode of [d.modes.normal, d.modes.force]) notices.push(mode.consequences, mode.follow_ups);
          for (const notice of notices.flat()) if (notice) messages.set(`${lang}|${kind}|${notice.code}`, notice.message);
        }
      }
    }
  }
  return {
    notice: (lang, kind, code) => ({ code, message: messages.get(`${lang}|${kind}|${code}`) ?? messages.get(`${lang}|?|${code}`) }),
    label: (lang, kind, status) => labels.get(`${lang}|${kind}|${status}`),
  };
}

/** The stop rules over `text` (from messagesFromPackage): evaluateStop and evaluateStops. */
export function createBaseline(text) {
  // Everything in a decision except its id; nested objects frozen so a batch can share them.
  function decisionParts(task, lang) {
    const kind = task.db_use_type;
    const status = normaliseStatus(task.status);
    const kindIndex = KINDS.indexOf(kind);
    const row = TABLE.get(status);

    let blockedCode = null;
    if (kindIndex < 0) blockedCode = "UNKNOWN_KIND";
    else if (row === undefined) blockedCode = "UNKNOWN_STATUS";
    else if (row[kindIndex] !== "normal" && row[kindIndex] !== "force") blockedCode = row[kindIndex];
    else if (status === "CONFIGURATION" && task.configuration_failed === true) blockedCode = "CONFIGURATION_FAILED";
    else if (task.is_parent === true && !(kind === "cloudDataGuard" && task.multi_write === true)) blockedCode = "PARENT_TASK";

    const label = kindIndex >= 0 && row !== undefined ? text.label(lang, kind, status) : task.status;
    const notice = (code) => Object.freeze(text.notice(lang, kind, code));
    const frozenList = (codes) => Object.freeze(codes.map(notice));

    if (blockedCode !== null) {
      const blocked = notice(blockedCode);
      const unavailable = (deleteType, force) =>
        Object.freeze({ available: false, delete_type: deleteType, is_force_stop: force, blocked, consequences: Object.freeze([]), follow_ups: Object.freeze([]) });
      return {
        db_use_type: kind, status, status_label: label, stoppable: false, blocked, abnormal: false,
        abnormal_reasons: Object.freeze([]), preselected_mode: null,
        modes: Object.freeze({ normal: unavailable("terminate", false), force: unavailable("force_terminate", true) }),
        advice: Object.freeze([]),
      };
    }

    const reasons = [];
    if (row[kindIndex] === "force") reasons.push("FAILED_STATUS");
    if (task.network_abnormal === true) reasons.push("NETWORK_ABNORMAL");
    const abnormal = reasons.length > 0;
    const migration = kind === "migration";

    const followUps = [];
    if (migration) followUps.push("MIGRATE_TRIGGERS_AND_EVENTS_MANUALLY");
    if (kind === "sync" && sameCode(task.engine_type, "POSTGRESQL")) {
      followUps.push("PG_SYNC_SEQUENCES");
      if (!sameCode(task.task_type, "FULL_TRANS")) followUps.push("PG_DROP_REPLICATION_SLOTS", "PG_RESET_SESSION_REPLICATION_ROLE");
    }
    const advice = ["STOP_BEFORE_NETWORK_DISCONNECT"];
    if (abnormal) advice.push("RESTORE_FIRST");
    if (status === "INCRE_TRANSFER_STARTED" && kind !== "cloudDataGuard") advice.push("COMPARE_AND_CUT_OVER_FIRST");
    if (status === "PAUSING") advice.push("LONG_PAUSE_RISK");

    const normal = Object.freeze({
      available: !abnormal, delete_type: "terminate", is_force_stop: false,
      blocked: abnormal ? notice("TASK_ABNORMAL") : null,
      consequences: frozenList(migration ? ["IRREVERSIBLE", "TRIGGERS_AND_EVENTS_MIGRATED"] : ["IRREVERSIBLE"]),
      follow_ups: Object.freeze([]),
    });
    const force = Object.freeze({
      available: true, delete_type: "force_terminate", is_force_stop: true, blocked: null,
      consequences: frozenList(["IRREVERSIBLE", "RESOURCES_RELEASED_AT_ONCE", migration ? "TRIGGERS_AND_EVENTS_NOT_MIGRATED" : "CHECK_SYNC_IMPACT"]),
      follow_ups: frozenList(followUps),
    });
    return {
      db_use_type: kind, status, status_label: label, stoppable: true, blocked: null, abnormal,
      abnormal_reasons: Object.freeze(reasons), preselected_mode: abnormal ? "force" : "normal",
      modes: Object.freeze({ normal, force }), advice: frozenList(advice),
    };
  }

  const withId = (id, parts) => ({
    id: id ?? null, db_use_type: parts.db_use_type, status: parts.status, status_label: parts.status_label,
    stoppable: parts.stoppable, blocked: parts.blocked, abnormal: parts.abnormal, abnormal_reasons: parts.abnormal_reasons,
    preselected_mode: parts.preselected_mode, modes: parts.modes, advice: parts.advice,
  });

  return {
    evaluateStop(task, options) {
      checkTask(task);
      return withId(task.id, decisionParts(task, normaliseLang(options?.lang)));
    },
    // Like the package's batch: tasks that differ only in id share one set of nested objects.
    evaluateStops(tasks, options) {
      if (!Array.isArray(tasks)) throw new TypeError("tasks must be an array");
      const lang = normaliseLang(options?.lang);
      const shared = new Map();
      return tasks.map((task) => {
        checkTask(task);
        const key = `${task.db_use_type}\u0000${task.status}\u0000${task.network_abnormal}\u0000${task.configuration_failed}\u0000${task.is_parent}\u0000${task.multi_write}\u0000${task.engine_type}\u0000${task.task_type}`;
        let parts = shared.get(key);
        if (parts === undefined) shared.set(key, (parts = decisionParts(task, lang)));
        return withId(task.id, parts);
      });
    },
  };
}
