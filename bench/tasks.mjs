// Task objects shaped like DRS "list jobs" / "query job details" items: two
// thirds as v3 sends them (`db_use_type`, an empty `children` list), one third
// as v5 does (`job_type`, `job_mode_role`, the backend's `job_action` lists),
// with the fields the rules read plus about twenty a console passes along
// untouched. Seeded, so every run measures the same list.

function seededRandom(seed) {
  // mulberry32: small, fast and good enough to pick from weighted lists.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(random, entries) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [value, weight] of entries) if ((pick -= weight) < 0) return value;
  return entries[entries.length - 1][0];
}

// A fleet seen from a console: most tasks replicating or finished, some failed,
// a few in transitions, raw spellings from SDKs and a status from a newer backend.
const STATUS_MIX = [
  ["INCRE_TRANSFER_STARTED", 34], ["RELEASE_RESOURCE_COMPLETE", 14], ["FULL_TRANSFER_STARTED", 8],
  ["PAUSING", 5], ["PAUSED", 2], ["CONFIGURATION", 4], ["CREATING", 3], ["creating：创建中", 1],
  ["WAITING_FOR_START", 3], ["FULL_TRANSFER_COMPLETE", 2], ["INCRE_TRANSFER_FAILED", 4], ["FULL_TRANSFER_FAILED", 2],
  ["CREATE_FAILED", 2], ["START_JOB_FAILED", 1], ["STARTJOBING", 1], ["REBUILD_NODE_STARTED", 1],
  ["REBUILD_NODE_FAILED", 1], ["RELEASE_RESOURCE_STARTED", 2], ["RELEASE_RESOURCE_FAILED", 1], ["DELETED", 3],
  ["CHANGE_JOB_STARTED", 1], ["CHILD_TRANSFER_STARTED", 1], ["NODE_UPGRADE_START", 1], ["NODE_UPGRADE_FAILED", 0.5],
  ["SWITCHOVER_STARTED", 0.5],
];
const KIND_MIX = [["migration", 50], ["sync", 35], ["cloudDataGuard", 15]];
const ENGINES = {
  migration: [["mysql", 60], ["postgresql", 15], ["mongodb", 15], ["mysql-to-taurus", 10]],
  sync: [["mysql", 45], ["postgresql", 30], ["mysql-to-kafka", 15], ["oracle-to-gaussdbv5", 10]],
  cloudDataGuard: [["cloudDataGuard-mysql", 80], ["cloudDataGuard-taurus-to-mysql", 20]],
};
const TASK_TYPES = [["FULL_INCR_TRANS", 70], ["INCR_TRANS", 15], ["FULL_TRANS", 15]];
const AZS = ["eu-de-01", "eu-de-02", "eu-de-03", "eu-nl-01", "cn-north-4a"];

// Items in v5's shape (GET /v5/{project_id}/jobs).
const V5_SHARE = 1 / 3;
// What a v5 backend lists in job_action ([available, unavailable]) as a task
// goes along: a few combinations, repeated across the list as in real answers.
const V5_ACTIONS = {
  running: [["CLONE", "FREE_RESOURCE", "PAUSE"], ["START", "RETRY", "DELETE"]],
  paused: [["CLONE", "FREE_RESOURCE", "START"], ["RETRY", "DELETE"]],
  failed: [["CLONE", "FREE_RESOURCE", "RETRY"], ["START", "DELETE"]],
  ended: [["CLONE", "DELETE"], ["START", "RETRY", "FREE_RESOURCE"]],
  busy: [["CLONE"], ["START", "RETRY", "FREE_RESOURCE", "DELETE"]],
};
const v5Phase = (status) =>
  status.endsWith("FAILED") ? "failed"
    : status === "RELEASE_RESOURCE_COMPLETE" || status === "DELETED" ? "ended"
    : status.startsWith("PAUS") ? "paused"
    : /STARTED$|^CONFIGURATION|^CREATING|^creating|^WAITING/.test(status) ? "running"
    : "busy";

const hex = (random, length) => Array.from({ length }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");

export function realisticTasks(count, seed = 2024) {
  const random = seededRandom(seed);
  const tasks = new Array(count);
  for (let i = 0; i < count; i++) {
    const kind = weighted(random, KIND_MIX);
    const engine = weighted(random, ENGINES[kind]);
    const created = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 6e10));
    const task = random() < V5_SHARE ? v5Task(random, i, kind, engine, created) : {
      id: `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${i.toString(16).padStart(4, "0")}-${hex(random, 8)}jb01`,
      name: `DRS-${kind}-${i}`,
      status: weighted(random, STATUS_MIX),
      description: random() < 0.3 ? "nightly replica for the reporting cluster" : "",
      create_time: String(created.getTime()),
      created_at: created.toISOString(),
      updated_at: new Date(created.getTime() + 86_400_000).toISOString(),
      engine_type: engine,
      net_type: weighted(random, [["eip", 40], ["vpc", 45], ["vpn", 15]]),
      billing_tag: random() < 0.1,
      job_direction: weighted(random, [["up", 70], ["down", 20], ["non-dbs", 10]]),
      db_use_type: kind,
      task_type: weighted(random, TASK_TYPES),
      children: [],
      node_new_framework: true,
      is_multi_az: random() < 0.2,
      node_role: "master",
      enterprise_project_id: "0",
      instance_id: hex(random, 32),
      progress: `${Math.floor(random() * 100)}%`,
      node_info: { spec: weighted(random, [["small", 2], ["medium", 5], ["large", 3]]), az_code: AZS[Math.floor(random() * AZS.length)], vpc_id: hex(random, 32) },
      source_endpoint: { ip: `192.168.${i % 256}.${(i >> 8) % 256}`, port: 3306, db_type: engine },
      target_endpoint: { instance_id: hex(random, 32), port: 3306 },
      tags: [{ key: "team", value: "payments" }],
    };
    // Flags are omitted, false or true as the API sends them (v5 items too: a console may add them).
    if (random() < 0.06) task.network_abnormal = true;
    else if (random() < 0.5) task.network_abnormal = false;
    if (task.status === "CONFIGURATION" && random() < 0.3) task.configuration_failed = true;
    if (random() < 0.05) task.is_parent = true;
    if (kind === "cloudDataGuard" && random() < 0.3) task.multi_write = true;
    tasks[i] = task;
  }
  return tasks;
}

/** One item as the v5 list sends it: its kind in job_type, no children list (but for parents), job_action. */
function v5Task(random, i, kind, engine, created) {
  const status = weighted(random, STATUS_MIX);
  const [available, unavailable] = V5_ACTIONS[v5Phase(status)];
  return {
    id: `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${i.toString(16).padStart(4, "0")}-${hex(random, 8)}jb05`,
    name: `DRS-${kind}-${i}`,
    status,
    description: random() < 0.3 ? "nightly replica for the reporting cluster" : "",
    create_time: String(created.getTime()),
    engine_type: engine,
    net_type: weighted(random, [["eip", 40], ["vpc", 45], ["vpn", 15]]),
    charging_mode: "on_demand",
    billing_tag: random() < 0.1,
    job_direction: weighted(random, [["up", 70], ["down", 20], ["non-dbs", 10]]),
    job_type: kind,
    task_type: weighted(random, TASK_TYPES),
    enterprise_project_id: "0",
    job_mode: "single",
    job_mode_role: "single",
    is_multi_az: random() < 0.2,
    node_role: "primary",
    node_new_framework: "true",
    // Fresh lists per item, as a parsed answer has them.
    job_action: { available_actions: [...available], unavailable_actions: [...unavailable], current_action: status.startsWith("PAUS") ? "PAUSE" : "" },
    node_info: { spec: weighted(random, [["small", 2], ["medium", 5], ["large", 3]]), az_code: AZS[Math.floor(random() * AZS.length)], vpc_id: hex(random, 32) },
    source_endpoint: { ip: `192.168.${i % 256}.${(i >> 8) % 256}`, port: 3306, db_type: engine },
    target_endpoint: { instance_id: hex(random, 32), port: 3306 },
    tags: [{ key: "team", value: "payments" }],
  };
}

// Spellings that test normalisation: case, whitespace (including the
// characters where Rust's and JavaScript's trim differ), descriptions after a
// colon, aliases, unknown codes and the empty string.
const ODD_SPACES = [" ", "\t", "\n", "\u3000", "\u00a0", "\u0085", "\ufeff", "\u2028"];
const ODD_STATUSES = ["PAUSEING", "paused", "Startjob_Failed", "", " ", ":", "：创建中", "SWITCHOVER_STARTED", "warp_speed", "INCRE_TRANSFER_STARTED_X", "İNCRE_TRANSFER_STARTED", "CREATİNG", "ſTARTJOBING"];
const ODD_KINDS = ["Migration", "SYNC", "clouddataguard", "subscription", "", " sync", "sync "];
const ENGINE_TYPES = [undefined, null, "mysql", "postgresql", "PostgreSQL", " postgresql\t", "postgresql\u0085", "\ufeffpostgresql", "postgres", "mongodb", "cloudDataGuard-mysql"];
const TASK_TYPE_SPELLINGS = [undefined, null, "FULL_TRANS", "full_trans", " FULL_TRANS ", "FULL_TRANſ", "FULL_INCR_TRANS", "INCR_TRANS", "FULL_TRANS\u3000", "FULL_TRANS\ufeff"];
const FLAG_VALUES = [undefined, undefined, null, false, true, true];
const LANG_TAGS = [undefined, null, "en-us", "zh-cn", "ZH-CN", " zh_cn ", "zh-CN\u3000", "zh-cn\ufeff", "fr-fr", ""];

/** Tasks that vary every field the rules read, in valid types; seeded. */
export function variedTasks(count, statuses, seed = 7) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const spaced = (text) => (random() < 0.5 ? text : `${pick(ODD_SPACES)}${text}${random() < 0.5 ? pick(ODD_SPACES) : ""}`);
  const tasks = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = random();
    let status = pick(statuses);
    if (r < 0.1) status = status.toLowerCase();
    else if (r < 0.2) status = spaced(status);
    else if (r < 0.27) status = `${status}${pick([":", "：", " : "])}${pick(["", "创建中", "x:y", " running"])}`;
    else if (r < 0.37) status = pick(ODD_STATUSES);
    const task = {
      db_use_type: random() < 0.9 ? pick(["migration", "sync", "cloudDataGuard"]) : pick(ODD_KINDS),
      status,
      engine_type: pick(ENGINE_TYPES),
      task_type: pick(TASK_TYPE_SPELLINGS),
      network_abnormal: pick(FLAG_VALUES),
      configuration_failed: status.startsWith("CONF") ? pick(FLAG_VALUES) : random() < 0.1,
      is_parent: random() < 0.2 ? pick(FLAG_VALUES) : undefined,
      multi_write: random() < 0.3 ? pick(FLAG_VALUES) : undefined,
    };
    // Section 10: what real v3/v5 list items carry.
    const v = random();
    if (v < 0.08) {
      task.job_type = random() < 0.7 ? task.db_use_type : pick(["sync:实时同步", "migration：实时迁移", " cloudDataGuard : DR", "subscription:x"]);
      delete task.db_use_type;
    } else if (v < 0.12) task.db_use_type = pick(["migration:实时迁移", "sync：实时同步", " cloudDataGuard:实时灾备 ", "sync:", "Sync:x", ":sync"]);
    if (random() < 0.1) task.task_type = pick(["FULL_TRANS 全量", "FULL_INCR_TRANS 全量+增量", " full_trans\u3000x", "FULL_TRANS\u0085y", "INCR_TRANS 增量"]);
    if (random() < 0.4) task.children = random() < 0.7 ? [] : [{ id: `child-${i}`, db_use_type: "sync", status: "PAUSED" }];
    if (random() < 0.15) task.job_mode_role = pick(["parent", " PARENT ", "child", "master", "slave", "Parent\ufeff", ""]);
    if (random() < 0.2) {
      const names = () => Array.from({ length: Math.floor(random() * 3) }, () => pick(["FREE_RESOURCE", "DELETE", "PAUSE", "free_resource", "RESET"]));
      task.job_action = random() < 0.1 ? null : { available_actions: random() < 0.8 ? names() : undefined, unavailable_actions: random() < 0.6 ? names() : null, current_action: "NONE" };
    }
    if (random() < 0.9) task.id = `task-${i}`;
    else if (random() < 0.5) task.id = null;
    for (const key of Object.keys(task)) if (task[key] === undefined && random() < 0.5) delete task[key];
    tasks[i] = task;
  }
  return tasks;
}

// Policies: the four known ones, near misses (names match exactly) and unknown ones (named in messages).
const POLICIES = [undefined, null, "FullAccess", "Administrator", "FullWithOutDeletePermission", "ReadOnlyAccess", "readonlyaccess", "", "Auditor <b>&amp;</b>"];

/** Options to try: absent, null, and every language tag with every policy. */
export const LANG_OPTIONS = [undefined, null, ...POLICIES.flatMap((policy) => LANG_TAGS.map((lang) => ({ lang, policy })))];

// Values of the wrong type (or that throw), for the error comparisons.
const WRONG_VALUES = [0, 1.5, true, "x", [], {}, [1], Symbol.iterator, 10n, () => 1, Number.NaN];

/** A copy of `task` with one field made invalid; seeded by `random`. */
export function brokenTask(task, random) {
  const fields = ["id", "db_use_type", "status", "engine_type", "task_type", "network_abnormal", "configuration_failed", "is_parent", "multi_write", "job_type", "children", "job_mode_role", "job_action"];
  const field = fields[Math.floor(random() * fields.length)];
  const copy = { ...task };
  const wrong = WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)];
  const r = random();
  if (r < 0.1) {
    Object.defineProperty(copy, field, { enumerable: true, get: () => { throw new Error(`no ${field} today`); } });
  } else if (r < 0.2 && (field === "status" || field === "db_use_type")) {
    delete copy[field];
  } else {
    copy[field] = typeof wrong === "string" && !/^(network|configuration|is_|multi|children|job_action)/.test(field) ? 7 : wrong;
    if (field === "job_type") delete copy.db_use_type;
    if (field === "job_action" && r < 0.5) copy.job_action = { available_actions: ["FREE_RESOURCE", wrong] };
  }
  return copy;
}

export { seededRandom };
