// The DRS v3 calls the console makes. Every response's X-Stop-Rules-Version
// is reported, so the page can warn when the backend runs other rules.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * @param {{ projectId: string, onRulesVersion: (version: string | null) => void }} options
 */
export function createApi({ projectId, onRulesVersion }) {
  const base = `/v3/${encodeURIComponent(projectId)}/jobs`;

  async function call(method, path, lang, body) {
    const response = await fetch(base + path, {
      method,
      headers: { "Accept": "application/json", "X-Language": lang, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    onRulesVersion(response.headers.get("X-Stop-Rules-Version"));
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError(response.status, payload?.error_code ?? `HTTP_${response.status}`, payload?.error_msg ?? response.statusText);
    }
    return payload;
  }

  return {
    /** `GET /v3/{project_id}/jobs?db_use_type=` -> task snapshots. */
    async listJobs(dbUseType, lang) {
      const payload = await call("GET", `?db_use_type=${encodeURIComponent(dbUseType)}`, lang);
      return payload.jobs;
    },
    /** `POST .../batch-status` -> `[{id, status} | {id, error_code, error_message}]`. */
    async batchStatus(ids, lang) {
      const payload = await call("POST", "/batch-status", lang, { jobs: ids });
      return payload.results;
    },
    /** `DELETE .../batch-jobs` with a body built by planStop -> per-job results. */
    async batchJobs(request, lang) {
      const payload = await call("DELETE", "/batch-jobs", lang, request);
      return payload.results;
    },
  };
}
