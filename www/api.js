// The DRS calls the console makes, for API v3 or v5. The list comes from
// `GET /{version}/{project_id}/jobs`; stop and delete requests go where the
// package's plan says (`plan.endpoint`); statuses are followed with v3
// batch-status. Every response's headers are reported (the backend's rules
// version), and every failure is an ApiError: `status` 0 when the backend
// could not be reached at all. Every call carries the tab's X-Auth-Token
// (token.js); on 401 the user is asked for a token and the call is retried.

import { askForToken, authHeaders } from "./token.js";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * One call: JSON in and out, the token sent; a 401 asks the user for a token
 * and retries, until the user cancels (then the 401 is thrown like any error).
 */
async function request(url, { method, lang, body, onHeaders, headers = () => ({}) }) {
  for (;;) {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          "Accept": "application/json",
          "X-Language": lang,
          ...(body ? { "Content-Type": "application/json" } : {}),
          ...authHeaders(),
          ...headers(),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
    }
    onHeaders?.(response.headers);
    const payload = await response.json().catch(() => null);
    if (response.status === 401 && (await askForToken({ lang }))) continue;
    if (!response.ok) {
      const code = typeof payload?.error_code === "string" ? payload.error_code : `HTTP_${response.status}`;
      const message = typeof payload?.error_msg === "string" ? payload.error_msg : response.statusText;
      throw new ApiError(response.status, code, message);
    }
    if (payload === null || typeof payload !== "object") {
      throw new ApiError(response.status, "BAD_RESPONSE", "the answer is not a JSON object");
    }
    return payload;
  }
}

/**
 * Who the tab's token belongs to: `GET /v3/auth/tokens` ->
 * `{ projectId, policy }` (the DRS system policy's name, for the rules'
 * `policy` option). A page calls it first and lists that project.
 * @param {{ lang?: string, onHeaders?: (headers: Headers) => void }} [options]
 */
export async function fetchSession({ lang = "en-us", onHeaders } = {}) {
  const payload = await request("/v3/auth/tokens", { method: "GET", lang, onHeaders });
  const token = payload.token ?? {};
  return {
    projectId: typeof token.project?.id === "string" ? token.project.id : null,
    policy: typeof token.policy === "string" ? token.policy : null,
  };
}

/** The list endpoint of each API version and how it names the task kind. */
const LIST_PATHS = {
  v3: (kind) => `/v3/{project_id}/jobs?db_use_type=${encodeURIComponent(kind)}`,
  v5: (kind) => `/v5/{project_id}/jobs?job_type=${encodeURIComponent(kind)}`,
};
const STATUS_PATH = "/v3/{project_id}/jobs/batch-status";

/**
 * @param {{ projectId: string, onHeaders: (headers: Headers) => void, headers?: () => Record<string, string> }} options
 *   `headers` adds request headers to every call (besides the token).
 */
export function createApi({ projectId, onHeaders, headers = () => ({}) }) {
  const resolve = (path) => path.replaceAll("{project_id}", encodeURIComponent(projectId));

  const call = (method, path, lang, body) => request(resolve(path), { method, lang, body, onHeaders, headers });

  /** The array `key` of a payload, or an ApiError saying the answer has none. */
  function listOf(payload, key, status) {
    if (!Array.isArray(payload[key])) throw new ApiError(status, "BAD_RESPONSE", `the answer has no "${key}" array`);
    return payload[key];
  }

  return {
    /** The list items of one kind, as the API returns them. */
    async listJobs(api, kind, lang) {
      const path = (LIST_PATHS[api] ?? LIST_PATHS.v3)(kind);
      return listOf(await call("GET", path, lang), "jobs", 200);
    },
    /** `POST …/batch-status` -> `[{id, status} | {id, error_code, error_message}]`. */
    async batchStatus(ids, lang) {
      return listOf(await call("POST", STATUS_PATH, lang, { jobs: ids }), "results", 200);
    },
    /** Sends a plan's request to the plan's endpoint -> per-job results. */
    async send(endpoint, request, lang) {
      return listOf(await call(endpoint.method, endpoint.path, lang, request), "results", 202);
    },
  };
}
