// @vitest-environment jsdom
// A console's unit tests under vitest, jsdom environment: the
// package through import, on the whole corpus.
import { expect, test } from "vitest";
import * as rules from "drs-stop-rules";
import defineCorpusTests from "../corpus-tests.cjs";
import cases from "../cases.json";

defineCorpusTests({ test, expect }, rules, cases);
