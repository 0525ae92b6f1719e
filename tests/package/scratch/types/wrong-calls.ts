// Each line marked "wrong" must be a compile error, and no other line may be:
// proof that the consumer check does not pass because the types are `any`.
import { evaluateStop, evaluateStops, planDelete, planStop, statusLabel, stopMatrix, rulesVersion } from "drs-stop-rules";
import type { StopDecision, StopMode, StopPlan } from "drs-stop-rules";

const decision: StopDecision = evaluateStop({ db_use_type: "sync", status: "CREATING" });
evaluateStop({ db_use_type: "sync" }); // wrong: status is required
evaluateStop({ db_use_type: "sync", status: 42 }); // wrong: status is a string
evaluateStop({ db_use_type: "sync", status: "CREATING", is_parent: "yes" }); // wrong: flags are booleans
evaluateStop({ db_use_type: "sync", status: "CREATING" }, { lang: 1 }); // wrong: lang is a string
evaluateStops({ db_use_type: "sync", status: "CREATING" }); // wrong: takes an array
planStop({ tasks: [{ db_use_type: "sync", status: "CREATING" }] }); // wrong: plan tasks need an id
planStop({ tasks: [], force: "yes" }); // wrong: force is "auto" or a boolean
planStop({ tasks: [], api: "v4" }); // wrong: api is v3 or v5
evaluateStop({ db_use_type: "sync", status: "CREATING" }, { policy: 3 }); // wrong: policy is a string
planDelete({ tasks: [{ db_use_type: "sync", status: "CREATE_FAILED" }] }); // wrong: delete plan tasks need an id
const deletable: string = decision.delete.available; // wrong: a boolean
evaluateStop({ status: "CREATING", job_mode_role: "parent" }); // wrong: a kind (db_use_type or job_type) is required
evaluateStops([{ job_type: "sync", status: "CREATING" }], { children: "yes" }); // wrong: children is a boolean
const agrees: string = decision.backend.agrees; // wrong: a boolean
const mode: StopMode = decision.preselected_mode; // wrong: may be null
const code: string = decision.blocked.code; // wrong: blocked may be null
const count: number = rulesVersion(); // wrong: a string
statusLabel("sync"); // wrong: the status is required
stopMatrix(true); // wrong: lang is a string
const plan: StopPlan = planStop({ tasks: [] });
plan.request.jobs[0].delete_type; // wrong: v5 jobs have no delete_type
const stoppable: string = decision.stoppable; // wrong: a boolean
