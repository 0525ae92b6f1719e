// A console bundled with the package's default entry.
import * as api from "drs-stop-rules";
import { reportCorpus } from "../browser-report.mjs";

fetch("/cases.json").then((response) => response.json()).then((cases) => reportCorpus(api, cases));
