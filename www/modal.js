// A modal dialog shell: role="dialog" + aria-modal, the rest of the page made
// inert, focus moved in on open, trapped while open (Tab / Shift+Tab wrap),
// Escape closes, and focus returns to where the user was on close.

import { h, uniqueId } from "./dom.js";

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * @param {{ returnFocus: () => (HTMLElement | null), onClose?: () => void }} options
 */
export function showModal({ returnFocus, onClose }) {
  const titleId = uniqueId("dialog-title");
  const title = h("h2", { id: titleId, class: "dialog-title" });
  const closeButton = h("button", { type: "button", class: "dialog-close", dataset: { action: "close" } }, "×");
  const body = h("div", { class: "dialog-body" });
  const footer = h("div", { class: "dialog-footer" });
  const dialog = h("div", { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, tabindex: "-1" },
    h("div", { class: "dialog-header" }, title, closeButton), body, footer);
  const overlay = h("div", { class: "overlay" }, dialog);

  // Everything else on the page stops taking focus and clicks while the dialog is open.
  const background = [...document.body.children];
  for (const element of background) element.inert = true;
  document.body.append(overlay);

  let open = true;
  function close() {
    if (!open) return;
    open = false;
    document.removeEventListener("keydown", onKeydown, true);
    overlay.remove();
    for (const element of background) element.inert = false;
    onClose?.();
    returnFocus()?.focus();
  }

  function onKeydown(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      trapTab(event, dialog);
    }
  }
  document.addEventListener("keydown", onKeydown, true);
  closeButton.addEventListener("click", close);

  return {
    dialog, title, closeButton, body, footer, close,
    get open() { return open; },
    /**
     * Runs `update` (which may rebuild the body) and keeps focus where it was:
     * a control moved by the rebuild gets it back, and focus never falls out
     * of the dialog onto <body>.
     */
    keepingFocus(update) {
      const active = document.activeElement;
      update();
      if (!open || dialog.contains(document.activeElement)) return;
      if (active && active.isConnected && dialog.contains(active) && !active.disabled) active.focus();
      else (focusables(dialog)[0] ?? dialog).focus();
    },
    /**
     * Renders the dialog, moves focus in (`focus` if it can take it) and
     * returns what the page keeps: `relabel(lang)` (another language) and `close`.
     */
    show({ render, focus, setLang }) {
      render();
      this.focusInside(focus);
      return {
        relabel(lang) {
          setLang(lang);
          render();
        },
        close,
      };
    },
    /** Moves focus into the dialog: `preferred` if given and focusable, else the first control. */
    focusInside(preferred) {
      const target = preferred && !preferred.disabled ? preferred : focusables(dialog)[0] ?? dialog;
      target.focus();
    },
  };
}

/**
 * OK (`[data-action="confirm"]`) and Cancel in the dialog's footer. OK runs
 * `confirm()` once (clicks while it runs are ignored), then closes the
 * dialog; `render()` is called when sending starts, so the caller can
 * relabel and disable OK from `buttons.sending`.
 * @param {ReturnType<typeof showModal>} modal
 * @param {{ confirm: () => Promise<void>, render: () => void }} callbacks
 */
export function addConfirmButtons(modal, { confirm, render }) {
  const ok = h("button", { type: "button", class: "btn btn-primary", dataset: { action: "confirm" } });
  const cancel = h("button", { type: "button", class: "btn", dataset: { action: "cancel" } });
  let sending = false;
  cancel.addEventListener("click", modal.close);
  ok.addEventListener("click", async () => {
    if (ok.disabled || sending) return;
    sending = true;
    render();
    try {
      await confirm();
    } finally {
      sending = false;
      modal.close();
    }
  });
  modal.footer.append(ok, cancel);
  return { ok, cancel, get sending() { return sending; } };
}

function focusables(dialog) {
  return [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length > 0);
}

function trapTab(event, dialog) {
  const items = focusables(dialog);
  if (items.length === 0) {
    event.preventDefault();
    dialog.focus();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  const outside = !dialog.contains(active);
  if (event.shiftKey && (active === first || outside || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
