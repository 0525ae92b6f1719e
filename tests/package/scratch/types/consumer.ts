// A TypeScript console's use of every function and type of the package. It
// must compile under --strict with bundler, node16 and nodenext resolution, as
// ESM (.ts/.mts) and as CommonJS (.cts); the same text is copied to each.
import {
  evaluateStop,
  evaluateStops,
  planDelete,
  planStop,
  rulesVersion,
  statusLabel,
  stopMatrix,
} from "drs-stop-rules";
import type {
  AbnormalReason,
  AdviceCode,
  BlockCode,
  ConsequenceCode,
  DbUseType,
  DeleteOption,
  DeletePlan,
  DeletePlanInput,
  EvaluateOptions,
  FollowUpCode,
  Lang,
  Notice,
  PlanInput,
  PlanTaskInput,
  PolicyName,
  StopDecision,
  StopMatrix,
  StopMatrixCell,
  StopMatrixRow,
  StopMode,
  StopModeOption,
  StopPlan,
  StopRulesInputError,
  StopTaskInput,
  V3StopJob,
  V5StopJob,
} from "drs-stop-rules";

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}

// A task straight from an API response: extra fields are allowed.
const kind: DbUseType = "migration";
const task: StopTaskInput = {
  id: "job-1",
  db_use_type: kind,
  status: "INCRE_TRANSFER_FAILED",
  engine_type: "mysql",
  task_type: "FULL_INCR_TRANS",
  network_abnormal: null,
  created_at: "2024-01-01T00:00:00Z",
  node_info: { spec: "medium" },
};
const futureKind: StopTaskInput = { db_use_type: "someNewKind", status: "" };
// A v5 list item, verbatim: the kind is job_type, the backend's verdict job_action.
const v5Item: StopTaskInput = {
  id: "job-5",
  job_type: "sync",
  status: "INCRE_TRANSFER_STARTED",
  job_mode_role: "parent",
  is_multi_az: false,
  job_action: { available_actions: ["PAUSE", "FREE_RESOURCE"], unavailable_actions: ["DELETE"], current_action: "" },
  children: [{ id: "job-6", job_type: "sync", status: "INCRE_TRANSFER_FAILED", job_mode_role: "child" }],
};
// A v3 list item with SDK descriptions and children.
const v3Item: StopTaskInput = {
  id: "job-7",
  db_use_type: "migration:实时迁移",
  status: "CREATING：创建中",
  task_type: "FULL_TRANS 全量",
  children: [{ id: "job-8", db_use_type: "migration", status: "CREATING" }],
};
for (const d of evaluateStops([v5Item, v3Item], { children: true, policy: "ReadOnlyAccess" })) {
  const parentId: string | null = d.parent_id;
  const drift: boolean = !d.backend.agrees && d.backend.stop !== null;
  [parentId ?? "", String(drift), String(d.backend.delete)].join(" ");
}
const lang: Lang = "zh-cn";
const policy: PolicyName = "FullWithOutDeletePermission";
const options: EvaluateOptions = { lang, policy };
evaluateStop(task, { policy: "a custom policy" });
evaluateStop(task, { lang: null, policy: null });

const decision: StopDecision = evaluateStop(task, options);
const decisions: StopDecision[] = evaluateStops([task, futureKind] as const, { lang: "fr-fr" });
evaluateStop(futureKind);
evaluateStop(task, null);

function describeMode(mode: StopMode): "terminate" | "force_terminate" {
  switch (mode) {
    case "normal":
      return "terminate";
    case "force":
      return "force_terminate";
    default:
      return assertNever(mode);
  }
}

function explainBlock(code: BlockCode): string {
  switch (code) {
    case "UNKNOWN_KIND":
    case "UNKNOWN_STATUS":
      return "update the console";
    case "NOT_STOPPABLE_IN_STATUS":
    case "OPERATION_IN_PROGRESS":
    case "CREATION_FAILED":
    case "FAULT_BEING_RECTIFIED":
    case "ALREADY_STOPPING":
    case "ALREADY_STOPPED":
    case "DELETED":
    case "CONFIGURATION_FAILED":
    case "PARENT_TASK":
    case "TASK_ABNORMAL":
    case "DUPLICATE_TASK":
    case "STOP_FIRST":
    case "NO_PERMISSION":
    case "BACKEND_REFUSED":
      return code.toLowerCase();
    default:
      return assertNever(code);
  }
}

function messages<C extends string>(notices: Notice<C>[]): string[] {
  return notices.map((n) => `${n.code}: ${n.message}`);
}

function render(d: StopDecision): string[] {
  const lines: string[] = [d.id ?? "(no id)", d.db_use_type, d.status, d.status_label];
  if (d.blocked !== null) {
    // Narrowed: a blocked decision has a code and a message.
    lines.push(explainBlock(d.blocked.code), d.blocked.message);
  }
  const reasons: AbnormalReason[] = d.abnormal_reasons;
  for (const reason of reasons) {
    if (reason === "FAILED_STATUS") lines.push("failed");
    else if (reason === "NETWORK_ABNORMAL") lines.push("network");
    else assertNever(reason);
  }
  const preselected = d.preselected_mode;
  if (preselected !== null) {
    const option: StopModeOption = d.modes[preselected];
    const deleteType: "terminate" | "force_terminate" = option.delete_type;
    lines.push(describeMode(preselected), deleteType, String(option.is_force_stop && d.stoppable && d.abnormal));
    const blockedCode: BlockCode | undefined = option.blocked?.code;
    if (blockedCode !== undefined) lines.push(blockedCode);
    const consequences: Notice<ConsequenceCode>[] = option.consequences;
    const followUps: Notice<FollowUpCode>[] = option.follow_ups;
    lines.push(...messages(consequences), ...messages(followUps));
  }
  const advice: AdviceCode[] = d.advice.map((a) => a.code);
  lines.push(...advice);
  const del: DeleteOption = d.delete;
  if (!del.available && del.blocked !== null) lines.push(explainBlock(del.blocked.code), del.blocked.message);
  return lines;
}
render(decision);
decisions.forEach(render);

const planTask: PlanTaskInput = { ...task, id: "job-2" };
const planInput: PlanInput = { tasks: [planTask, { id: "job-3", db_use_type: "sync", status: "PAUSED" }], force: "auto", api: "v5", lang: null };
const plan: StopPlan = planStop(planInput);
planStop({ tasks: [], force: true });
planStop({ tasks: [planTask], force: false, api: "v3", lang: "en-us" });

// The request body is v3 or v5 jobs: narrow on a field only one of them has.
function jobIds(jobs: V3StopJob[] | V5StopJob[]): string[] {
  return jobs.map((job: V3StopJob | V5StopJob) =>
    "delete_type" in job ? `${job.job_id} ${job.delete_type}` : `${job.job_id} ${job.is_force_stop}`,
  );
}
jobIds(plan.request.jobs);
const method: "DELETE" | "POST" = plan.endpoint.method;
const endpoint = `${method} ${plan.endpoint.path}`;
for (const accepted of plan.accepted) describeMode(accepted.mode).concat(accepted.id, endpoint);
for (const rejected of plan.rejected) explainBlock(rejected.code).concat(rejected.id, rejected.message);

const deleteInput: DeletePlanInput = { tasks: [planTask], lang: "zh-cn", policy: "ReadOnlyAccess" };
const deletePlan: DeletePlan = planDelete(deleteInput);
planDelete({ tasks: [] });
for (const job of deletePlan.request.jobs) [job.job_id, job.delete_type, deletePlan.endpoint.method].join(" ");
for (const accepted of deletePlan.accepted) accepted.id.concat(endpoint);
for (const rejected of deletePlan.rejected) explainBlock(rejected.code).concat(rejected.id, rejected.message);
planStop({ tasks: [planTask], policy: "Administrator" });

const matrix: StopMatrix = stopMatrix("zh-cn");
stopMatrix();
const matrixLang: Lang = matrix.lang;
const version: string = matrix.rules_version === rulesVersion() ? matrixLang : "stale";
const cellsOf = (row: StopMatrixRow): StopMatrixCell[] => [row.migration, row.sync, row.cloudDataGuard];
for (const row of matrix.rows) {
  for (const cell of cellsOf(row)) {
    if (cell.stoppable && cell.mode !== null) describeMode(cell.mode);
    else if (cell.blocked !== null) explainBlock(cell.blocked);
    [row.status, cell.label, String(cell.inferred), version].join(" ");
  }
  if (!row.delete.deletable && row.delete.blocked !== null) explainBlock(row.delete.blocked);
}
for (const grant of matrix.policies) [grant.policy, String(grant.stop), String(grant.delete)].join(" ");

const label: string = statusLabel("sync", "pauseing", "en-us") + statusLabel("newKind", "CREATING");

// Errors: narrow an unknown catch value to the package's error.
function isStopRulesInputError(error: unknown): error is StopRulesInputError {
  return error instanceof Error && error.name === "StopRulesInputError";
}
try {
  evaluateStop(JSON.parse("{}") as StopTaskInput);
} catch (error) {
  if (isStopRulesInputError(error)) {
    const code: "INVALID_INPUT" = error.code;
    const where: string = error.path;
    label.concat(code, where, error.message);
  }
}
