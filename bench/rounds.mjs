// Back-to-back timing of two contenders, shared by the Node benchmark and the
// Chromium page (plain ESM, no imports). Each round times the package and the
// yardstick one right after the other (alternating which goes first), each
// over `reps` calls on the same tasks; the ratio of a round's two times is
// taken, and the median of those ratios reported: a slow spell of the shared
// machine hits both runs of a round alike, so it cancels.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Calls per timed sample, so that a sample covers about 100,000 decisions. */
export const repsFor = (size) => Math.max(1, Math.round(100_000 / size));

/**
 * { package_ns, yardstick_ns, ratio, round_ratios, reps }: medians of ns per
 * decision and of the per-round ratios. `now()` in ms; `collect()` runs the GC.
 */
export function timeRounds({ pkg, yardstick }, tasks, { rounds, now, collect }) {
  const reps = repsFor(tasks.length);
  const contenders = { package: pkg, yardstick };
  for (let i = 0; i < 3; i++) for (const run of Object.values(contenders)) run(tasks); // warm-up
  const times = { package: [], yardstick: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ["yardstick", "package"] : ["package", "yardstick"];
    for (const name of order) {
      collect(); // no contender pays for the other's garbage
      const run = contenders[name];
      const start = now();
      let decisions;
      for (let r = 0; r < reps; r++) decisions = run(tasks);
      times[name].push(((now() - start) * 1e6) / (reps * tasks.length));
      if (decisions.length !== tasks.length) throw new Error(`${name}: ${decisions.length} decisions for ${tasks.length} tasks`);
    }
  }
  const roundRatios = times.package.map((ns, i) => ns / times.yardstick[i]);
  return {
    package_ns: Math.round(median(times.package)),
    yardstick_ns: Math.round(median(times.yardstick)),
    ratio: Number(median(roundRatios).toFixed(2)),
    round_ratios: roundRatios.map((r) => Number(r.toFixed(2))),
    reps,
  };
}
