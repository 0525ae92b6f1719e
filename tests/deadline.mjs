// Test deadlines, in one place: every time bound a test waits for or asserts
// is written for a loaded 2-core machine and scaled by DRS_TEST_TIME_SCALE
// (default 1; e.g. 3 on a slower CI runner). A bound that is exceeded still
// fails the test: the scale only says how slow the machine may be.
const raw = process.env.DRS_TEST_TIME_SCALE ?? "1";
const scale = Number(raw);
if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`DRS_TEST_TIME_SCALE must be a positive number, got ${JSON.stringify(raw)}`);

export const TIME_SCALE = scale;

/** `ms` scaled by DRS_TEST_TIME_SCALE. */
export const deadline = (ms) => Math.round(ms * TIME_SCALE);
