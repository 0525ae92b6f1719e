// The package's other exports, typed: drs-stop-rules/inline (like the main
// entry), drs-stop-rules/web (wasm-bindgen's init() and initSync() besides
// the API) and drs-stop-rules/wasm (the raw module's exports).
import init, { initSync, evaluateStop as evaluateStopByHand } from "drs-stop-rules/web";
import { evaluateStops, rulesVersion } from "drs-stop-rules/inline";
import type { StopDecision, StopPlan } from "drs-stop-rules/inline";
import type * as raw from "drs-stop-rules/wasm";

const decisions: StopDecision[] = evaluateStops([{ db_use_type: "sync", status: "CREATING" }], { lang: "zh-cn" });
const version: string = rulesVersion();

async function loadByHand(url: URL, bytes: BufferSource): Promise<StopDecision> {
  await init({ module_or_path: url });
  initSync({ module: bytes });
  return evaluateStopByHand({ db_use_type: "migration", status: "PAUSED" });
}

type RawExports = typeof raw;
const memoryOf = (exports: RawExports): WebAssembly.Memory => exports.memory;
const plan: StopPlan | undefined = undefined;
export { decisions, version, loadByHand, memoryOf, plan };
