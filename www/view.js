// What the page shows lives in the URL's query string, so a reload or a
// shared link opens the same view:
//   ?view=sync&api=v5&q=orders&page=2&size=50&project_id=…&refresh=15
// The hash is not used here (the backend's console URL carries #token=…).

export const KINDS = ["migration", "sync", "cloudDataGuard"];
export const API_VERSIONS = ["v3", "v5"];
export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PROJECT = "0549b0bd2b00d3f52f9cc0138c6b0f1e";
const DEFAULT_SIZE = 50;
const DEFAULT_REFRESH_S = 15;

function positiveInt(text, fallback) {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The view a query string describes; anything unknown falls back to the default. */
export function readView(search) {
  const params = new URLSearchParams(search);
  const size = positiveInt(params.get("size"), DEFAULT_SIZE);
  return {
    kind: KINDS.includes(params.get("view")) ? params.get("view") : KINDS[0],
    api: API_VERSIONS.includes(params.get("api")) ? params.get("api") : API_VERSIONS[0],
    filter: params.get("q") ?? "",
    page: positiveInt(params.get("page"), 1),
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE,
    projectId: params.get("project_id") || DEFAULT_PROJECT,
    // Seconds between automatic refreshes (tests shorten it).
    refreshSeconds: positiveInt(params.get("refresh"), DEFAULT_REFRESH_S),
  };
}

/** The query string for a view; defaults are left out, unknown parameters kept. */
export function viewSearch(view, search) {
  const params = new URLSearchParams(search);
  const set = (key, value, fallback) => (value === fallback ? params.delete(key) : params.set(key, String(value)));
  set("view", view.kind, KINDS[0]);
  set("api", view.api, API_VERSIONS[0]);
  set("q", view.filter, "");
  set("page", view.page, 1);
  set("size", view.size, DEFAULT_SIZE);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Puts the view in the address bar: a new history entry when `push`, else in place. */
export function showViewInUrl(view, { push = false } = {}) {
  const search = viewSearch(view, location.search);
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(history.state, "", url);
}
