// The DRS calls the console makes, for API v3 or v5. The list comes from
// `GET /{version}/{project_id}/jobs`; stop and delete requests go where the
// package's plan says (`plan.endpoint`); statuses are followed with v3
// batch-status. Every response's headers are reported (the backend's rules
// version), and every failure is an ApiError: `status` 0 when the backend
// could not be reached at all.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** The list endpoint of each API version and how it names the task kind. */
const LIST_PATHS = {
  v3: (kind) => `/v3/{project_id}/jobs?db_use_type=${encodeURIComponent(kind)}`,
  v5: (kind) => `/v5/{project_id}/jobs?job_type=${encodeURIComponent(kind)}`,
};
const STATUS_PATH = "/v3/{project_id}/jobs/batch-status";

/**
 * @param {{ projectId: string, onHeaders: (headers: Headers) => void, headers?: () => Record<string, string> }} options
 *   `headers` adds request headers to every call (authentication).
 */
export function createApi({ projectId, onHeaders, headers = () => ({}) }) {
  const resolve = (path) => path.replaceAll("{project_id}", encodeURIComponent(projectId));

  async function call(method, path, lang, body) {
    let response;
    try {
      response = await fetch(resolve(path), {
        method,
        headers: {
          "Accept": "application/json",
          "X-Language": lang,
          ...(body ? { "Content-Type": "application/json" } : {}),
          ...headers(),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
    }
    onHeaders(response.headers);
    const payload = await response.json().catch(() => null);
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
