// Runs tests/corpus/cases.json against one loaded copy of the package's API.
// Plain ESM with no imports, so Node (ESM and, through a dynamic import, CJS),
// the Vite app and the plain browser page all share this one runner.

/**
 * Partial match: `expect` objects list only the fields to compare, arrays are
 * compared element by element and must have the same length, anything else
 * must be identical. Returns the mismatches as readable strings.
 */
export function mismatches(actual, expect, path = "") {
  if (Array.isArray(expect)) {
    if (!Array.isArray(actual)) return [`${path || "."}: expected an array, got ${show(actual)}`];
    if (actual.length !== expect.length) {
      return [`${path || "."}: expected ${expect.length} elements, got ${actual.length}: ${show(actual)}`];
    }
    return expect.flatMap((e, i) => mismatches(actual[i], e, `${path}[${i}]`));
  }
  if (expect !== null && typeof expect === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return [`${path || "."}: expected an object, got ${show(actual)}`];
    }
    return Object.keys(expect).flatMap((k) =>
      Object.hasOwn(actual, k)
        ? mismatches(actual[k], expect[k], path ? `${path}.${k}` : k)
        : [`${path ? `${path}.${k}` : k}: missing`],
    );
  }
  return Object.is(actual, expect) ? [] : [`${path || "."}: expected ${show(expect)}, got ${show(actual)}`];
}

/** Deep equality of two JSON-like values, both ways: every difference, as readable strings. */
export function sameData(actual, expected) {
  return [...mismatches(actual, expected), ...mismatches(expected, actual).map((p) => `(extra) ${p}`)];
}

function show(value) {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

/** The problems with a thrown value, compared with what the contract promises. */
export function inputErrorProblems(error, path) {
  if (!(error instanceof Error)) return [`threw a non-Error: ${show(error)}`];
  const problems = [];
  if (error.name !== "StopRulesInputError") problems.push(`name ${show(error.name)}, expected "StopRulesInputError"`);
  if (error.code !== "INVALID_INPUT") problems.push(`code ${show(error.code)}, expected "INVALID_INPUT"`);
  if (path === undefined ? typeof error.path !== "string" : error.path !== path) {
    problems.push(`path ${show(error.path)}, expected ${path === undefined ? "a string" : show(path)}`);
  }
  if (typeof error.message !== "string" || error.message === "") problems.push("empty message");
  return problems;
}

function check(results, kind, name, run) {
  let problems;
  try {
    problems = run();
  } catch (error) {
    problems = [`threw ${error?.name}: ${error?.message}`];
  }
  results.total += 1;
  if (problems.length === 0) results.passed += 1;
  else results.failures.push({ kind, name, problems });
}

function expectThrows(call, path) {
  try {
    call();
  } catch (error) {
    return inputErrorProblems(error, path);
  }
  return [`did not throw (expected INVALID_INPUT at ${show(path)})`];
}

/**
 * Every case of the corpus: decisions one by one and again in one
 * evaluateStops batch per language (each deep-equal to evaluateStop's),
 * plans, errors and labels.
 * Returns { total, passed, failures: [{ kind, name, problems }] }.
 */
export function runCorpus(api, cases) {
  const results = { total: 0, passed: 0, failures: [] };
  const options = (c) =>
    c.lang === undefined && c.policy === undefined ? undefined : { lang: c.lang, policy: c.policy };

  for (const c of cases.decisions) {
    check(results, "decision", c.name, () => mismatches(api.evaluateStop(c.task, options(c)), c.expect));
  }

  for (const group of optionGroups(cases)) {
    const { lang, policy } = group[0];
    const decisions = api.evaluateStops(group.map((c) => c.task), options(group[0]));
    check(results, "batch", `evaluateStops, lang ${lang ?? "default"}, policy ${policy ?? "default"}: length`, () =>
      decisions.length === group.length ? [] : [`${decisions.length} decisions for ${group.length} tasks`],
    );
    // The fast path: the expectations, and deep equality with evaluateStop's decision.
    group.forEach((c, i) =>
      check(results, "batch", c.name, () => [
        ...mismatches(decisions[i], c.expect),
        ...sameData(decisions[i], api.evaluateStop(c.task, options(c))).map((p) => `not evaluateStop's decision: ${p}`),
      ]),
    );
  }

  for (const c of cases.lists) {
    check(results, "list", c.name, () => mismatches(api.evaluateStops(c.response.jobs, c.options), c.expect));
  }

  for (const c of cases.plans) {
    check(results, "plan", c.name, () => mismatches(api.planStop(c.input), c.expect));
  }

  for (const c of cases.delete_plans) {
    check(results, "delete plan", c.name, () => mismatches(api.planDelete(c.input), c.expect));
  }

  for (const c of cases.errors) {
    const call =
      c.op === "plan"
        ? () => api.planStop(c.input)
        : c.op === "plan-delete"
          ? () => api.planDelete(c.input)
          : Array.isArray(c.input)
          ? () => api.evaluateStops(c.input, c.options)
          : () => api.evaluateStop(c.input);
    check(results, "error", c.name, () => expectThrows(call, c.path));
  }

  for (const c of cases.labels) {
    check(results, "label", `${c.db_use_type} ${c.status} ${c.lang}`, () =>
      mismatches(api.statusLabel(c.db_use_type, c.status, c.lang), c.label),
    );
  }
  return results;
}

/** The decision cases grouped by language and policy: each group runs as one evaluateStops batch. */
function optionGroups(cases) {
  const groups = new Map();
  for (const c of cases.decisions) {
    const key = JSON.stringify([c.lang ?? null, c.policy ?? null]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  }
  return [...groups.values()];
}

/** How many checks runCorpus makes for these cases, so a runner can tell it saw all of them. */
export function expectedCheckCount(cases) {
  return (
    cases.decisions.length * 2 +
    optionGroups(cases).length +
    cases.plans.length +
    cases.delete_plans.length +
    cases.lists.length +
    cases.errors.length +
    cases.labels.length
  );
}
