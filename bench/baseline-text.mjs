// The sentences and labels the hand-written baseline shows, read once from
// the package so that its decisions can be compared with the package's field
// by field. A console team would keep its own strings file; this is that file,
// generated. Only text is read here, never a rule: the baseline decides alone.

const KINDS = ["migration", "sync", "cloudDataGuard"];

// Task variations that make every code appear in some decision.
const PROBES = [{}, { network_abnormal: true }, { configuration_failed: true }, { is_parent: true }, { engine_type: "postgresql" }];

/**
 * { notices: { [lang]: [kind 0..2, unknown kind 3] -> { code: message } },
 *   labels: { [lang]: [kind 0..2] -> { status: label } } }, plain JSON.
 */
export function textFromPackage(api) {
  const notices = {};
  const labels = {};
  for (const lang of ["en-us", "zh-cn"]) {
    const rows = api.stopMatrix(lang).rows;
    labels[lang] = KINDS.map((kind) => Object.fromEntries(rows.map((row) => [row.status, row[kind].label])));
    notices[lang] = [...KINDS, "?"].map((kind) => {
      const byCode = {};
      for (const { status } of rows) {
        for (const flags of PROBES) {
          const d = api.evaluateStop({ db_use_type: kind, status, ...flags }, { lang });
          const found = [d.blocked, d.modes.normal.blocked, d.modes.force.blocked, ...d.advice];
          for (const mode of [d.modes.normal, d.modes.force]) found.push(...mode.consequences, ...mode.follow_ups);
          for (const notice of found) if (notice) byCode[notice.code] = notice.message;
        }
      }
      for (const status of ["?"]) {
        const d = api.evaluateStop({ db_use_type: kind, status }, { lang });
        byCode[d.blocked.code] = d.blocked.message;
      }
      return byCode;
    });
  }
  return { notices, labels };
}
