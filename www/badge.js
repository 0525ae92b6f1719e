// Status badges. The label is the package's status label; the look is
// derived from the package's decision (is the task abnormal, may it be
// stopped, and if not, which code says why), never from a list of statuses
// kept here. The look says nothing the decision does not.

import { h } from "./dom.js";

/** Tones of the blocking codes that describe the task's own state. */
const TONE_OF_BLOCK = {
  ALREADY_STOPPED: "ended",
  DELETED: "ended",
  ALREADY_STOPPING: "busy",
  OPERATION_IN_PROGRESS: "busy",
  FAULT_BEING_RECTIFIED: "busy",
  CREATION_FAILED: "failed",
  CONFIGURATION_FAILED: "failed",
  UNKNOWN_KIND: "unknown",
  UNKNOWN_STATUS: "unknown",
};

/**
 * "abnormal" (stoppable, but only by force), "active" (stoppable), or the
 * tone of the blocking code; other codes (parent task, permissions, …) say
 * nothing about the task's state and get the neutral "idle".
 */
export function toneOf(decision) {
  if (decision.abnormal) return "abnormal";
  if (decision.stoppable) return "active";
  return TONE_OF_BLOCK[decision.blocked?.code] ?? "idle";
}

/** A badge for a decision: the package's status label, coloured by tone. */
export function statusBadge(decision) {
  const tone = toneOf(decision);
  return h("span", { class: `badge badge-${tone}`, dataset: { tone, status: decision.status } },
    h("span", { class: "badge-dot", "aria-hidden": "true" }),
    h("span", { class: "badge-label", text: decision.status_label }));
}
