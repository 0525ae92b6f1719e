// Follows tasks after a stop request: asks batch-status until none of them
// is still stopping (the caller decides that, with the rules package).

/**
 * @param {{ ids: string[], fetchStatuses: (ids: string[]) => Promise<object[]>,
 *           onStatuses: (results: object[]) => void, stillStopping: (id: string) => boolean,
 *           intervalMs?: number, maxMs?: number }} options
 * @returns {() => void} stops polling
 */
export function pollUntilStopped({ ids, fetchStatuses, onStatuses, stillStopping, intervalMs = 700, maxMs = 120_000 }) {
  let remaining = [...ids];
  let timer = null;
  let cancelled = false;
  const deadline = Date.now() + maxMs;

  async function tick() {
    if (cancelled || remaining.length === 0) return;
    try {
      const results = await fetchStatuses(remaining);
      if (cancelled) return;
      onStatuses(results);
      // Unknown ids (an error entry) are dropped; the others are followed until done.
      remaining = results.filter((result) => result.status !== undefined && stillStopping(result.id)).map((result) => result.id);
    } catch {
      // A failed poll is retried on the next tick until the deadline.
    }
    if (remaining.length > 0 && Date.now() < deadline && !cancelled) timer = setTimeout(tick, intervalMs);
  }

  tick();
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
