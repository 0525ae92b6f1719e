// The corpus as unit tests of a test runner with jest's API (jest, vitest):
// every decision, plan, delete plan, list answer and error case, and one evaluateStops
// batch per language and policy. CommonJS, so that jest loads it as it is.
module.exports = function defineCorpusTests({ test, expect }, rules, cases) {
  const options = (c) => (c.lang === undefined && c.policy === undefined ? undefined : { lang: c.lang, policy: c.policy });
  const errorCall = (c) =>
    c.op === "plan" ? () => rules.planStop(c.input)
    : c.op === "plan-delete" ? () => rules.planDelete(c.input)
    : Array.isArray(c.input) ? () => rules.evaluateStops(c.input, c.options)
    : () => rules.evaluateStop(c.input);

  test.each(cases.decisions.map((c) => [c.name, c]))("decision: %s", (_, c) => {
    expect(rules.evaluateStop(c.task, options(c))).toMatchObject(c.expect);
  });
  test("one evaluateStops batch per language and policy", () => {
    for (const key of new Set(cases.decisions.map((c) => `${c.lang}/${c.policy}`))) {
      const group = cases.decisions.filter((c) => `${c.lang}/${c.policy}` === key);
      expect(rules.evaluateStops(group.map((c) => c.task), options(group[0]))).toMatchObject(group.map((c) => c.expect));
    }
  });
  test.each(cases.plans.map((c) => [c.name, c]))("plan: %s", (_, c) => {
    expect(rules.planStop(c.input)).toMatchObject(c.expect);
  });
  test.each(cases.delete_plans.map((c) => [c.name, c]))("delete plan: %s", (_, c) => {
    expect(rules.planDelete(c.input)).toMatchObject(c.expect);
  });
  test.each(cases.lists.map((c) => [c.name, c]))("list answer: %s", (_, c) => {
    expect(rules.evaluateStops(c.response.jobs, c.options)).toMatchObject(c.expect);
  });
  test.each(cases.errors.map((c) => [c.name, c]))("error: %s", (_, c) => {
    expect(errorCall(c)).toThrow(expect.objectContaining({ name: "StopRulesInputError", code: "INVALID_INPUT", path: c.path }));
  });
};
