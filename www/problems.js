// Failures in words a user can act on. The backend's own code and message
// are kept (as text) after the explanation.

import { t } from "./i18n.js";

/** A sentence for an ApiError (or anything thrown while talking to the backend). */
export function describeFailure(error, lang) {
  const status = Number.isInteger(error?.status) ? error.status : 0;
  const detail = { status, code: String(error?.code ?? ""), message: String(error?.message ?? "") };
  if (status === 0) return t(lang, "problem.network");
  if (status === 401) return t(lang, "problem.unauthorized", detail);
  if (status === 403) return t(lang, "problem.forbidden", detail);
  if (status >= 500) return t(lang, "problem.server", detail);
  return t(lang, "problem.refused", detail);
}
