// The reasons beside disabled buttons show on hover and on keyboard focus;
// Escape hides the one showing without moving the pointer or focus (WCAG
// 1.4.13). It shows again once the pointer or focus leaves and comes back.

const OP = ".op";

/** Wires Escape-to-dismiss for every tooltip inside `root`. */
export function dismissTooltipsOnEscape(root) {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    for (const op of root.querySelectorAll(`${OP}:hover, ${OP}:focus-within`)) op.dataset.tipDismissed = "";
  });
  // Entering or leaving a reason's area (pointer or focus) re-arms it.
  const reset = (event) => {
    const op = event.target.closest?.(OP);
    if (op && !op.contains(event.relatedTarget)) delete op.dataset.tipDismissed;
  };
  for (const type of ["mouseover", "mouseout", "focusin", "focusout"]) root.addEventListener(type, reset);
}
