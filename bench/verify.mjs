// Checks that the yardstick (bench/baseline.mjs) answers exactly as the
// package: deep-equal decisions (same prototypes, same keys, same values) and
// the same errors (name, code, path, message). Plain ESM with no imports
// from Node, so the Node benchmark and the Chromium page share it.
import { brokenTask, LANG_OPTIONS, realisticTasks, seededRandom, variedTasks } from "./tasks.mjs";

/** The first difference between two values, as a path and a description; null when deep-equal. */
export function difference(actual, expected, path = "") {
  if (Object.is(actual, expected)) return null;
  if (typeof actual !== "object" || typeof expected !== "object" || actual === null || expected === null) {
    return `${path || "."}: ${show(actual)} vs ${show(expected)}`;
  }
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${path || "."}: different prototypes`;
  const keys = Object.keys(expected);
  const actualKeys = Object.keys(actual);
  if (actualKeys.length !== keys.length || keys.some((k) => !Object.hasOwn(actual, k))) {
    return `${path || "."}: keys ${actualKeys} vs ${keys}`;
  }
  for (const key of keys) {
    const found = difference(actual[key], expected[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

function show(value) {
  try {
    return typeof value === "bigint" || typeof value === "symbol" ? String(value) : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** What a call returned or threw, comparable with `difference`. */
function outcome(call) {
  try {
    return { returned: call() };
  } catch (error) {
    return { threw: { name: error?.name, code: error?.code, path: error?.path, message: error?.message, isError: error instanceof Error } };
  }
}

/**
 * Compares `yardstick` with `api` on the corpus and on `varied` generated
 * tasks in every language option, plus broken tasks for the errors.
 * Returns { compared, failures } (at most 10 failures are kept).
 */
export function verifyYardstick(api, yardstick, cases, { varied = 100_000, broken = 2_000 } = {}) {
  let compared = 0;
  const failures = [];
  const same = (name, call) => {
    const found = difference(outcome(() => call(yardstick)), outcome(() => call(api)));
    compared += 1;
    if (found && failures.length < 10) failures.push(`${name}: ${found}`);
  };
  const statuses = api.stopMatrix("en-us").rows.map((row) => row.status);

  for (const c of cases.decisions) {
    for (const options of [...LANG_OPTIONS, c.lang === undefined ? undefined : { lang: c.lang }]) {
      same(`corpus ${c.name}, ${show(options)}`, (a) => a.evaluateStop(c.task, options));
    }
  }
  const corpusTasks = cases.decisions.map((c) => c.task);
  for (const options of LANG_OPTIONS) same(`corpus batch, ${show(options)}`, (a) => a.evaluateStops(corpusTasks, options));
  for (const c of cases.errors.filter((e) => e.op === "evaluate")) {
    same(`corpus error ${c.name}`, (a) => (Array.isArray(c.input) ? a.evaluateStops(c.input, c.options) : a.evaluateStop(c.input, c.options)));
  }
  // Real v3 and v5 list answers (contract section 10), with their options and in every language option.
  for (const list of cases.lists ?? []) {
    same(`corpus list ${list.name}`, (a) => a.evaluateStops(list.response.jobs, list.options));
    for (const options of LANG_OPTIONS) {
      same(`corpus list ${list.name}, ${show(options)}`, (a) => a.evaluateStops(list.response.jobs, { ...options, children: list.options?.children }));
    }
  }
  for (const odd of [undefined, null, 5, "x", {}, [], () => 1, { lang: 5 }, { lang: [] }, { policy: 5 }, { lang: 5, policy: [] }, { lang: "zh-cn", policy: {} }, { children: 1 }, { children: "yes", policy: 3 }]) {
    same(`options ${show(odd)}`, (a) => a.evaluateStops(corpusTasks.slice(0, 3), odd));
    same(`tasks ${show(odd)}`, (a) => a.evaluateStops(odd));
  }

  // The timed tasks (v3 and v5 items), in every language option.
  const realistic = realisticTasks(2_000);
  for (const options of LANG_OPTIONS) same(`realistic tasks, ${show(options)}`, (a) => a.evaluateStops(realistic, options));

  // Varied tasks in batches of 1,000, each batch in another language option.
  const tasks = variedTasks(varied, statuses);
  for (let start = 0, n = 0; start < tasks.length; start += 1000, n++) {
    const batch = tasks.slice(start, start + 1000);
    const options = LANG_OPTIONS[n % LANG_OPTIONS.length];
    const mine = outcome(() => yardstick.evaluateStops(batch, options));
    const theirs = outcome(() => api.evaluateStops(batch, options));
    compared += batch.length;
    const found = difference(mine, theirs);
    if (found && failures.length < 10) failures.push(`varied batch at ${start}, ${show(options)}: ${found}`);
  }
  for (let i = 0; i < tasks.length; i += 50) {
    same(`varied task ${i}`, (a) => a.evaluateStop(tasks[i], LANG_OPTIONS[i % LANG_OPTIONS.length]));
  }

  // children: true, nested trees (children of children, bad children) in batches of 200.
  const withChildren = (i) => ({ ...tasks[i], children: [tasks[i + 1], { ...tasks[i + 2], children: [tasks[i + 3]] }] });
  for (let start = 0; start + 200 < Math.min(tasks.length, 20_000); start += 200) {
    const batch = Array.from({ length: 50 }, (_, k) => (k % 3 ? tasks[start + k] : withChildren(start + k)));
    const options = { ...LANG_OPTIONS[(start / 200) % LANG_OPTIONS.length], children: true };
    same(`children batch at ${start}`, (a) => a.evaluateStops(batch, options));
  }

  // Broken tasks: alone, and in a batch after good ones.
  const random = seededRandom(99);
  for (let i = 0; i < broken; i++) {
    const bad = brokenTask(tasks[i], random);
    same(`broken task ${i}`, (a) => a.evaluateStop(bad));
    same(`broken task ${i} in a batch`, (a) => a.evaluateStops([tasks[i + 1], tasks[i + 2], bad, tasks[i + 3]]));
    same(`broken child ${i}`, (a) => a.evaluateStops([{ ...tasks[i + 1], children: [tasks[i + 2], bad] }], { children: true }));
  }
  return { compared, failures };
}
