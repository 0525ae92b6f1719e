// The first calls to the backend, made as soon as the page's modules are in:
// app.js imports this module first, so who the token belongs to and the
// first list are on their way while the package's WebAssembly still
// compiles. It also keeps the session (the token's project and policy).

import * as apiModule from "./api.js";
import { readView } from "./view.js";
import { readStored } from "./storage.js";
import { LANGS } from "./i18n.js";

export const LANG_KEY = "drs-console-lang";
const view = readView(location.search);
const storedLang = readStored("local", LANG_KEY);
/** The language the page opens in. */
export const initialLang = LANGS.includes(storedLang) ? storedLang : "en-us";

let headersListener = null;
const missedHeaders = [];
function onHeaders(headers) {
  if (headersListener) headersListener(headers);
  else missedHeaders.push(headers);
}

/** Receives every answer's headers, including those of the calls made before the page was ready. */
export function listenToHeaders(listener) {
  headersListener = listener;
  for (const headers of missedHeaders.splice(0)) listener(headers);
}

let session = null;
/**
 * The API for the token's project, and the user's policy, from asking the
 * backend once who the token belongs to (a backend without that answer: the
 * URL's project and the package's default policy).
 * @returns {Promise<{ api: ReturnType<typeof apiModule.createApi>, policy: string | undefined }>}
 */
export function ensureSession(lang) {
  if (session) return session;
  const asked = (async () => {
    let who = { projectId: null, policy: null };
    if (typeof apiModule.fetchSession === "function") {
      try {
        who = await apiModule.fetchSession({ lang, onHeaders });
      } catch (error) {
        if (error?.status !== 404) throw error;
      }
    }
    return { api: apiModule.createApi({ projectId: who.projectId ?? view.projectId, onHeaders }), policy: who.policy ?? undefined };
  })();
  asked.catch(() => {
    if (session === asked) session = null;
  });
  session = asked;
  return asked;
}

/** Asks again next time (after a 401 or 403: the token may have changed). */
export function forgetSession() {
  session = null;
}

/** The first list, asked for now, for the view and language the page opens with. */
export const firstList = {
  kind: view.kind,
  api: view.api,
  lang: initialLang,
  items: ensureSession(initialLang).then(({ api }) => api.listJobs(view.api, view.kind, initialLang)),
};
firstList.items.catch(() => {}); // reported by the load that takes it
