// The sentences and labels the hand-written baseline shows, read once from
// the package so that its decisions can be compared with the package's field
// by field. A console team would keep its own strings file; this is that file,
// generated. Only text is read here, never a rule: the baseline decides alone.

const KINDS = ["migration", "sync", "cloudDataGuard"];

// Task variations that make every code appear in some decision.
const PROBES = [{}, { network_abnormal: true }, { configuration_failed: true }, { is_parent: true }, { engine_type: "postgresql" }, { job_action: { unavailable_actions: ["FREE_RESOURCE", "DELETE"] } }];

/**
 * { notices, deletes: { [lang]: [kind 0..2, unknown kind 3] -> { code: message } },
 *   labels: { [lang]: [kind 0..2] -> { status: label } },
 *   permission: { [lang]: { stop: [before, after], delete: [before, after] } } }:
 * plain JSON. `permission` is the NO_PERMISSION sentence around the policy's name.
 */
export function textFromPackage(api) {
  const notices = {};
  const deletes = {};
  const labels = {};
  const permission = {};
  for (const lang of ["en-us", "zh-cn"]) {
    const rows = api.stopMatrix(lang).rows;
    labels[lang] = KINDS.map((kind) => Object.fromEntries(rows.map((row) => [row.status, row[kind].label])));
    notices[lang] = [];
    deletes[lang] = [];
    for (const kind of [...KINDS, "?"]) {
      const byCode = {};
      const deleteByCode = {};
      for (const status of [...rows.map((row) => row.status), "?"]) {
        for (const flags of PROBES) {
          const d = api.evaluateStop({ db_use_type: kind, status, ...flags }, { lang });
          const found = [d.blocked, d.modes.normal.blocked, d.modes.force.blocked, ...d.advice];
          for (const mode of [d.modes.normal, d.modes.force]) found.push(...mode.consequences, ...mode.follow_ups);
          for (const notice of found) if (notice) byCode[notice.code] = notice.message;
          if (d.delete.blocked) deleteByCode[d.delete.blocked.code] = d.delete.blocked.message;
        }
      }
      notices[lang].push(byCode);
      deletes[lang].push(deleteByCode);
    }
    const marker = "\u0000policy\u0000";
    const around = (notice) => notice.message.split(marker);
    const task = { db_use_type: "sync", status: "CREATE_FAILED" };
    permission[lang] = {
      stop: around(api.evaluateStop({ ...task, status: "PAUSED" }, { lang, policy: marker }).blocked),
      delete: around(api.evaluateStop(task, { lang, policy: marker }).delete.blocked),
    };
  }
  return { notices, deletes, labels, permission };
}
