/** The API's task kind (`db_use_type`). Other strings are accepted and get a fail-safe decision. */
export type DbUseType = "migration" | "sync" | "cloudDataGuard";

/** Message language. Any other tag falls back to `en-us`. */
export type Lang = "en-us" | "zh-cn";

/**
 * A DRS system policy: who may press Stop and Delete. Any other name is
 * accepted and allows nothing (`NO_PERMISSION`), like an unknown status.
 */
export type PolicyName = "FullAccess" | "Administrator" | "FullWithOutDeletePermission" | "ReadOnlyAccess";

/** `normal` = `terminate`; `force` = `force_terminate`. */
export type StopMode = "normal" | "force";

/** Why Stop, Delete, a stop mode or a batch entry is refused. */
export type BlockCode =
  | "UNKNOWN_KIND"
  | "UNKNOWN_STATUS"
  | "NOT_STOPPABLE_IN_STATUS"
  | "OPERATION_IN_PROGRESS"
  | "CREATION_FAILED"
  | "FAULT_BEING_RECTIFIED"
  | "ALREADY_STOPPING"
  | "ALREADY_STOPPED"
  | "DELETED"
  | "CONFIGURATION_FAILED"
  | "PARENT_TASK"
  | "TASK_ABNORMAL"
  | "DUPLICATE_TASK"
  | "STOP_FIRST"
  | "NO_PERMISSION"
  | "BACKEND_REFUSED";

export type AbnormalReason = "FAILED_STATUS" | "NETWORK_ABNORMAL";

export type ConsequenceCode =
  | "IRREVERSIBLE"
  | "TRIGGERS_AND_EVENTS_MIGRATED"
  | "RESOURCES_RELEASED_AT_ONCE"
  | "TRIGGERS_AND_EVENTS_NOT_MIGRATED"
  | "CHECK_SYNC_IMPACT";

export type AdviceCode =
  | "STOP_BEFORE_NETWORK_DISCONNECT"
  | "RESTORE_FIRST"
  | "COMPARE_AND_CUT_OVER_FIRST"
  | "LONG_PAUSE_RISK";

export type FollowUpCode =
  | "MIGRATE_TRIGGERS_AND_EVENTS_MANUALLY"
  | "PG_SYNC_SEQUENCES"
  | "PG_DROP_REPLICATION_SLOTS"
  | "PG_RESET_SESSION_REPLICATION_ROLE";

/**
 * The backend's own verdict on a v5 list item (`JobActions`). Stop is
 * `FREE_RESOURCE`, delete is `DELETE`; `current_action` is not read.
 */
export interface JobActionInput {
  available_actions?: readonly string[] | null;
  unavailable_actions?: readonly string[] | null;
  current_action?: string | null;
  [extra: string]: unknown;
}

/** The fields every task snapshot may carry, whichever API version it comes from. */
export interface TaskFields {
  id?: string | null;
  name?: string | null;
  status: string;
  engine_type?: string | null;
  /** The first word counts: SDKs send `"FULL_TRANS 全量"`. */
  task_type?: "FULL_TRANS" | "FULL_INCR_TRANS" | "INCR_TRANS" | (string & {}) | null;
  network_abnormal?: boolean | null;
  configuration_failed?: boolean | null;
  /** Wins when given; otherwise a non-empty `children` or `job_mode_role: "parent"` makes a parent. */
  is_parent?: boolean | null;
  /** Dual-active DR (the only thing that makes a DR parent stoppable). */
  multi_write?: boolean | null;
  /** Subtasks (v3 and v5); decided too with `evaluateStops(tasks, { children: true })`. */
  children?: readonly StopTaskInput[] | null;
  /** v5: `"parent"` marks a parent; `child`, `master`, `slave` do not. */
  job_mode_role?: "parent" | "child" | "master" | "slave" | (string & {}) | null;
  /** v5 (read on any item): the backend's verdict, reported in `decision.backend`. */
  job_action?: JobActionInput | null;
  [extra: string]: unknown;
}

/** A v3 list item (`JobInfo`), or any snapshot naming its kind `db_use_type` (which wins over `job_type`). */
export interface V3TaskInput extends TaskFields {
  /** `migration`, `sync`, `cloudDataGuard`; an SDK description after a colon is dropped (`"sync:实时同步"`). */
  db_use_type: DbUseType | (string & {});
  job_type?: DbUseType | (string & {}) | null;
}

/** A v5 list item (`JobListResp`): the kind is `job_type`. */
export interface V5TaskInput extends TaskFields {
  db_use_type?: null;
  job_type: DbUseType | (string & {});
}

/**
 * A task snapshot as a DRS list answer holds it (v3 or v5), snake_case; extra
 * fields are ignored. `null` counts as "not given" for every optional field.
 */
export type StopTaskInput = V3TaskInput | V5TaskInput;

export interface EvaluateOptions {
  lang?: Lang | (string & {}) | null;
  /** The user's policy; default `FullAccess`. */
  policy?: PolicyName | (string & {}) | null;
  /**
   * `evaluateStops` only: also decide every task in each task's `children`,
   * depth-first, right after its parent, with `parent_id` set.
   */
  children?: boolean | null;
}

/** A code with the sentence that explains it. */
export interface Notice<C extends string> {
  code: C;
  message: string;
}

export interface StopModeOption {
  available: boolean;
  delete_type: "terminate" | "force_terminate";
  is_force_stop: boolean;
  /** Why this mode is unavailable; `null` when it is available. */
  blocked: Notice<BlockCode> | null;
  consequences: Notice<ConsequenceCode>[];
  /** Manual work after stopping this way (only a forced stop has any). */
  follow_ups: Notice<FollowUpCode>[];
}

export interface StopDecision {
  id: string | null;
  /** The parent's id, for a subtask decided with `children: true`; otherwise `null`. */
  parent_id: string | null;
  db_use_type: string;
  /** The normalised status code. */
  status: string;
  status_label: string;
  stoppable: boolean;
  blocked: Notice<BlockCode> | null;
  abnormal: boolean;
  abnormal_reasons: AbnormalReason[];
  preselected_mode: StopMode | null;
  modes: { normal: StopModeOption; force: StopModeOption };
  advice: Notice<AdviceCode>[];
  /** The row's other button: whether the task may be deleted, and if not why. */
  delete: DeleteOption;
  /** What the task's `job_action` says (`null`: no verdict), and whether it agrees with the rules alone. */
  backend: BackendReport;
}

export interface BackendReport {
  stop: boolean | null;
  delete: boolean | null;
  /** `false` when a verdict differs from the rules' own decision: drift worth logging. */
  agrees: boolean;
}

export interface DeleteOption {
  available: boolean;
  /** `null` when available. */
  blocked: Notice<BlockCode> | null;
}

/** A task of a batch plan: it needs an id. */
export type PlanTaskInput = StopTaskInput & { id: string };

export interface PlanInput {
  tasks: PlanTaskInput[];
  /** `"auto"` (default): each task in its preselected mode; `true`: all forced; `false`: normal only. */
  force?: "auto" | boolean | null;
  api?: "v3" | "v5" | null;
  lang?: Lang | (string & {}) | null;
  /** The user's policy; default `FullAccess`. Tasks it may not stop are rejected with `NO_PERMISSION`. */
  policy?: PolicyName | (string & {}) | null;
}

export interface DeletePlanInput {
  tasks: PlanTaskInput[];
  lang?: Lang | (string & {}) | null;
  /** The user's policy; default `FullAccess`. Tasks it may not delete are rejected with `NO_PERMISSION`. */
  policy?: PolicyName | (string & {}) | null;
}

export interface V3StopJob {
  delete_type: "terminate" | "force_terminate";
  job_id: string;
}

export interface V5StopJob {
  job_id: string;
  is_force_stop: boolean;
}

export interface StopPlan {
  /** The body to send: v3 jobs for `api: "v3"`, v5 jobs for `api: "v5"`. */
  request: { jobs: V3StopJob[] | V5StopJob[] };
  endpoint: { method: "DELETE" | "POST"; path: string };
  accepted: { id: string; mode: StopMode }[];
  rejected: { id: string; code: BlockCode; message: string }[];
}

export interface DeletePlan {
  /** The body to send to `DELETE /v3/{project_id}/jobs/batch-jobs`. */
  request: { jobs: { delete_type: "delete"; job_id: string }[] };
  endpoint: { method: "DELETE"; path: string };
  accepted: { id: string }[];
  rejected: { id: string; code: BlockCode; message: string }[];
}

export interface StopMatrixCell {
  label: string;
  stoppable: boolean;
  mode: StopMode | null;
  blocked: BlockCode | null;
  /** Not stated by the DRS documentation: a decision of these rules. */
  inferred: boolean;
}

export interface StopMatrixRow {
  status: string;
  migration: StopMatrixCell;
  sync: StopMatrixCell;
  cloudDataGuard: StopMatrixCell;
  /** Delete by status alone (the same for every kind; parents and policies can still refuse it). */
  delete: { deletable: boolean; blocked: BlockCode | null };
}

export interface StopMatrix {
  rules_version: string;
  lang: Lang;
  rows: StopMatrixRow[];
  /** What each known policy allows (any other name allows nothing). */
  policies: { policy: PolicyName; stop: boolean; delete: boolean }[];
}

/** What every function throws for input that breaks the contract. */
export interface StopRulesInputError extends Error {
  name: "StopRulesInputError";
  code: "INVALID_INPUT";
  /** Where the offending value is, e.g. `status` or `tasks[3].db_use_type`; empty for the whole input. */
  path: string;
}

/**
 * Decides whether a task may be stopped, and how, and whether it may be deleted.
 * @throws {StopRulesInputError} when `task` or `options` break the contract.
 */
export function evaluateStop(task: StopTaskInput, options?: EvaluateOptions | null): StopDecision;

/**
 * Decisions for a list of tasks, in order: the fast path for long task lists.
 * Decisions that differ only in `id` share their nested objects, which are frozen.
 * @throws {StopRulesInputError} with a path such as `[3].status`.
 */
export function evaluateStops(tasks: readonly StopTaskInput[], options?: EvaluateOptions | null): StopDecision[];

/**
 * Plans a batch stop: the request body for the DRS API and, per task, accepted or rejected.
 * @throws {StopRulesInputError} with a path such as `tasks[3].db_use_type`.
 */
export function planStop(input: PlanInput): StopPlan;

/**
 * Plans a batch delete: the request body for `DELETE /v3/{project_id}/jobs/batch-jobs` and,
 * per task, accepted or rejected (`STOP_FIRST`, `DELETED`, `PARENT_TASK`, `NO_PERMISSION`, ...).
 * @throws {StopRulesInputError} with a path such as `tasks[3].id`.
 */
export function planDelete(input: DeletePlanInput): DeletePlan;

/** The eligibility matrix, generated from the rules' table. */
export function stopMatrix(lang?: Lang | (string & {}) | null): StopMatrix;

/** The console's label for a status; the status as given when the kind or status is unknown. */
export function statusLabel(dbUseType: string, status: string, lang?: Lang | (string & {}) | null): string;

/** Changes whenever the decision table changes; compare it with the backend's `X-Stop-Rules-Version`. */
export function rulesVersion(): string;
