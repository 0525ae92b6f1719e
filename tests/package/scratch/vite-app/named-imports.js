// The usual way to import: named imports, which let the bundler tree-shake
// (and, with a wrong "sideEffects" flag, drop the module's start-up code).
import { evaluateStop, evaluateStops, planDelete, planStop, rulesVersion, statusLabel, stopMatrix } from "drs-stop-rules";
import cases from "../cases.json";
import { reportCorpus } from "../browser-report.mjs";

reportCorpus({ evaluateStop, evaluateStops, planDelete, planStop, rulesVersion, statusLabel, stopMatrix }, cases);
