// @vitest-environment jsdom
// A console's unit tests under vitest, in its default (Node) environment and
// in jsdom: the package through import, every decision, plan and error case
// of the corpus.
import { expect, test } from "vitest";
import * as rules from "drs-stop-rules";
import cases from "../cases.json";

const options = (lang) => (lang === undefined ? undefined : { lang });

test.each(cases.decisions.map((c) => [c.name, c]))("decision: %s", (_, c) => {
  expect(rules.evaluateStop(c.task, options(c.lang))).toMatchObject(c.expect);
});
test("one evaluateStops batch per language", () => {
  for (const lang of new Set(cases.decisions.map((c) => c.lang))) {
    const group = cases.decisions.filter((c) => c.lang === lang);
    expect(rules.evaluateStops(group.map((c) => c.task), options(lang))).toMatchObject(group.map((c) => c.expect));
  }
});
test.each(cases.plans.map((c) => [c.name, c]))("plan: %s", (_, c) => {
  expect(rules.planStop(c.input)).toMatchObject(c.expect);
});
test.each(cases.errors.map((c) => [c.name, c]))("error: %s", (_, c) => {
  const call = c.op === "plan" ? () => rules.planStop(c.input) : Array.isArray(c.input) ? () => rules.evaluateStops(c.input) : () => rules.evaluateStop(c.input);
  expect(call).toThrow(expect.objectContaining({ name: "StopRulesInputError", code: "INVALID_INPUT", path: c.path }));
});
