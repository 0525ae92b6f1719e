// Status badges. The colour is presentation only (it says nothing about
// whether Stop is allowed; that is the rules package's decision).

import { h } from "./dom.js";

/** The badge tone for a normalised status code. */
export function statusTone(status) {
  if (status.endsWith("_FAILED")) return "failed";
  if (status === "DELETED" || /^RELEASE_(CHILD_TRANSFER|RESOURCE)_COMPLETE$/.test(status)) return "stopped";
  if (/^RELEASE_.*_STARTED$/.test(status)) return "stopping";
  if (status === "PAUSING") return "paused";
  if (["CREATING", "CONFIGURATION", "WAITING_FOR_START", "STARTJOBING"].includes(status)) return "pending";
  if (/_(STARTED|START|STARTING|COMPLETE)$/.test(status)) return "running";
  return "unknown";
}

/** A badge for a decision: the package's status label, coloured by tone. */
export function statusBadge(decision) {
  const tone = statusTone(decision.status);
  return h("span", { class: `badge badge-${tone}`, dataset: { tone, status: decision.status } },
    h("span", { class: "badge-dot", "aria-hidden": "true" }),
    h("span", { class: "badge-label", text: decision.status_label }));
}
