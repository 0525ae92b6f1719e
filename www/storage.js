// Web storage that never throws. With cookies blocked, in some private modes
// or with a full quota, merely touching localStorage/sessionStorage throws;
// the page then simply forgets its preferences instead of failing to start.

function area(name) {
  try {
    return name === "session" ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

/** The stored string, or null when absent or when storage is unavailable. */
export function readStored(name, key) {
  try {
    return area(name)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a string; false when storage is unavailable. */
export function writeStored(name, key, value) {
  try {
    area(name)?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
