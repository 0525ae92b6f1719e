// A Node ESM consumer: named imports, so a missing export fails at link time.
import { evaluateStop, evaluateStops, planStop, planDelete, stopMatrix, statusLabel, rulesVersion } from "drs-stop-rules";

export default { evaluateStop, evaluateStops, planStop, planDelete, stopMatrix, statusLabel, rulesVersion };
