// The API token, the way a local notebook server hands it out: the server
// prints the console URL with `#token=…`; this module takes it from the
// address bar (and removes it there, so it is not bookmarked or shared by
// accident), keeps it for this tab (sessionStorage through storage.js, which
// tolerates browsers that refuse storage) and sends it as X-Auth-Token. When the server refuses it
// (401), `askForToken` lets the user paste the token the server printed.

import { readStored, writeStored } from "./storage.js";

const STORAGE_KEY = "drs-console-token";
const HEADER = "X-Auth-Token";

const STRINGS = {
  "en-us": {
    title: "Access token needed",
    text: "The server refused this console's token. Paste the token from the console URL the server printed (the part after #token=).",
    label: "Token",
    ok: "Use token",
    cancel: "Cancel",
  },
  "zh-cn": {
    title: "需要访问令牌",
    text: "服务器拒绝了本控制台的令牌。请粘贴服务器打印的控制台地址中的令牌（#token= 之后的部分）。",
    label: "令牌",
    ok: "使用令牌",
    cancel: "取消",
  },
};

let token = readStored("session", STORAGE_KEY);

/** Takes `token` out of the URL's hash (parsed as URLSearchParams), keeping the rest of the address. */
function takeTokenFromUrl() {
  const hash = location.hash.startsWith("#") ? location.hash.slice(1) : location.hash;
  if (!hash.includes("token=")) return;
  const params = new URLSearchParams(hash);
  const fromUrl = params.get("token");
  if (!fromUrl) return;
  setToken(fromUrl);
  params.delete("token");
  const rest = params.toString();
  try {
    history.replaceState(history.state, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
  } catch {
    // Some embedded browsers refuse replaceState; the token still works.
  }
}

/** The token in use, or null. */
export function currentToken() {
  return token;
}

/** Uses `value` from now on (and keeps it for this tab). */
export function setToken(value) {
  token = String(value);
  writeStored("session", STORAGE_KEY, token);
}

/** Headers that authenticate a request: `{ "X-Auth-Token": … }`, or `{}` without a token. */
export function authHeaders() {
  return token ? { [HEADER]: token } : {};
}

let pending = null;

/**
 * Asks the user for a token (an accessible modal dialog); resolves with the
 * new token, or null when the user cancels. Concurrent callers share one prompt.
 * @param {{ lang?: string }} [options]
 * @returns {Promise<string | null>}
 */
export function askForToken({ lang } = {}) {
  pending ??= prompt(STRINGS[lang] ?? STRINGS["en-us"]).finally(() => {
    pending = null;
  });
  return pending;
}

function prompt(strings) {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    dialog.className = "dialog token-dialog";
    dialog.dataset.tokenPrompt = "";
    const form = document.createElement("form");
    form.method = "dialog";
    const title = document.createElement("h2");
    title.className = "dialog-title";
    title.id = "token-dialog-title";
    title.textContent = strings.title;
    const text = document.createElement("p");
    text.id = "token-dialog-text";
    text.textContent = strings.text;
    const label = document.createElement("label");
    label.textContent = strings.label;
    const input = document.createElement("input");
    input.type = "password";
    input.name = "token";
    input.required = true;
    input.autocomplete = "off";
    input.spellcheck = false;
    label.append(" ", input);
    const ok = document.createElement("button");
    ok.type = "submit";
    ok.value = "ok";
    ok.className = "btn btn-primary";
    ok.textContent = strings.ok;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn";
    cancel.textContent = strings.cancel;
    cancel.addEventListener("click", () => dialog.close("cancel"));
    const footer = document.createElement("div");
    footer.className = "dialog-footer";
    footer.append(cancel, ok);
    form.append(title, text, label, footer);
    dialog.append(form);
    dialog.setAttribute("aria-labelledby", title.id);
    dialog.setAttribute("aria-describedby", text.id);
    dialog.addEventListener("close", () => {
      const value = input.value.trim();
      dialog.remove();
      if (dialog.returnValue === "ok" && value) {
        setToken(value);
        resolve(value);
      } else {
        resolve(null);
      }
    });
    document.body.append(dialog);
    // showModal: the rest of the page is inert, Escape cancels, focus starts in the field.
    dialog.showModal();
    input.focus();
  });
}

takeTokenFromUrl();
