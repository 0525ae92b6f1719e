// Bundled by Vite: the bare import resolves through the package's exports map.
import * as api from "drs-stop-rules";
import cases from "../cases.json";
import { reportCorpus } from "../browser-report.mjs";

reportCorpus(api, cases);
