// A console bundled with drs-stop-rules/inline (no top-level await, no .wasm asset).
import * as api from "drs-stop-rules/inline";
import { reportCorpus } from "../browser-report.mjs";

fetch("/cases.json").then((response) => response.json()).then((cases) => reportCorpus(api, cases));
