// Lists of the package's notices ({code, message}) for the dialogs.

import { h } from "./dom.js";

/** A titled list of notices, or nothing when there are none. */
export function noticeSection(section, heading, notices) {
  if (notices.length === 0) return null;
  return h("section", { class: `notices notices-${section}`, dataset: { section } },
    h("h3", { text: heading }),
    h("ul", {}, notices.map((notice) => h("li", { dataset: { code: notice.code }, text: notice.message }))));
}
