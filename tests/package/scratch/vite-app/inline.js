// drs-stop-rules/inline bundled by Vite: no .wasm asset, no top-level await.
import * as api from "drs-stop-rules/inline";
import cases from "../cases.json";
import { reportCorpus } from "../browser-report.mjs";

reportCorpus(api, cases);
