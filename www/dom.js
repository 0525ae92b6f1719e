// Builds DOM nodes without HTML parsing: every string ends up as text
// (task names and API messages are data, never markup).

/**
 * h("button", { class: "btn", type: "button", dataset: { action: "stop" }, on: { click } }, "Stop")
 * Props: `class`, `text`, `dataset`, `on` (event listeners), `hidden`/`disabled`/`checked`
 * (properties); anything else is set with setAttribute. Children: nodes, strings
 * (as text), null/false (skipped) or arrays of those.
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [event, listener] of Object.entries(value)) node.addEventListener(event, listener);
    else if (key === "hidden" || key === "disabled" || key === "checked") node[key] = Boolean(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let nextId = 0;
/** A document-unique id for aria references. */
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Drops null/false entries: for DOM methods like replaceChildren, which would render them as text. */
export function present(...nodes) {
  return nodes.filter((node) => node !== null && node !== undefined && node !== false);
}
