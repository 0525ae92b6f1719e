// Fault suite for drs-console-server (loopback only): malformed JSON, wrong
// shapes, oversized bodies and headers, slow clients (headers or body a byte
// at a time, idle connections) while a normal client keeps being served,
// connections dropped mid-request, and afterwards the server still answering.
// The limits it expects are documented in server/LIMITS.md.
// Adds a "faults" section to target/load/results.json (creating it if need
// be) and prints it. Exits 1 when a check fails.
//
// Usage: CONSOLE_URL=http://127.0.0.1:PORT/ node tests/load/faults.mjs
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { Worker } from "node:worker_threads";
import { rules } from "./rules.mjs";

const base = new URL(process.env.CONSOLE_URL ?? "");
if (base.hostname !== "127.0.0.1") throw new Error(`CONSOLE_URL must be on 127.0.0.1, got ${base}`);
const PORT = Number(base.port);
const TOKEN = process.env.CONSOLE_TOKEN ?? "";
const PROJECT = process.env.CONSOLE_PROJECT ?? "faults";

// server/LIMITS.md
const BODY_LIMIT = 1024 * 1024;
const HEADER_READ_TIMEOUT_MS = 10_000;
const BODY_READ_TIMEOUT_MS = 10_000;
const SLACK_MS = 2_500; // timers, scheduling on a loaded machine
const WRITE_STALL_TIMEOUT_MS = 10_000;
const MEMORY_BOUND_MIB = 256;
const FLOOD_LIST_BOUND_MS = 300;
const NORMAL_P99_BOUND_MS = 1_000; // normal clients while slow clients hold connections

const STATUS = `/v3/${PROJECT}/jobs/batch-status`;
const JOBS = `/v3/${PROJECT}/jobs/batch-jobs`;
const LIST = `/v3/${PROJECT}/jobs`;
const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), ...(ok ? {} : { detail }) });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(method, path, body, headers = {}) {
  const response = await fetch(new URL(path, base), { method, body, headers: { "X-Auth-Token": TOKEN, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: reported by the check that expected JSON
  }
  return { status: response.status, json, text };
}

async function expectError(name, method, path, body, status, code) {
  const reply = await send(method, path, body, { "content-type": "application/json" });
  check(name, reply.status === status && (code === undefined || reply.json?.error_code === code), `${reply.status} ${reply.text.slice(0, 160)}`);
}

/** A raw connection: `write` text, `closed` resolves with ms from open to close and what was received. */
function rawConnection() {
  const socket = net.connect({ host: "127.0.0.1", port: PORT });
  const opened = performance.now();
  let received = "";
  socket.setEncoding("latin1");
  socket.on("data", (chunk) => {
    received += chunk;
  });
  socket.on("error", () => {});
  const closed = new Promise((resolve) => socket.on("close", () => resolve({ ms: performance.now() - opened, received })));
  return { socket, closed, write: (text) => !socket.destroyed && socket.write(text) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (value) => Math.round(value * 10) / 10;

// ------------------------------------------------ malformed JSON and wrong shapes
for (const path of [STATUS, JOBS]) {
  const method = path === STATUS ? "POST" : "DELETE";
  for (const [what, body] of [["truncated", '{"jobs": ['], ["a bare word", "nul"], ["trailing garbage", '{"jobs": ["a"]} x'], ["empty", ""], ["invalid UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d])], ["nested 100000 deep", "[".repeat(100_000)], ["a lone surrogate", '{"jobs": ["\\ud800"]}']]) {
    // A lone surrogate is valid JSON text for serde_json's \u escapes only when paired: either way, a 4xx.
    const status = what === "a lone surrogate" ? undefined : 400;
    if (status === undefined) {
      const reply = await send(method, path, body, { "content-type": "application/json" });
      check(`${method} ${path}: ${what}`, reply.status >= 400 && reply.status < 500, `${reply.status} ${reply.text.slice(0, 160)}`);
    } else {
      await expectError(`${method} ${path}: ${what}`, method, path, body, 400, "INVALID_JSON");
    }
  }
  for (const body of ["[]", '"jobs"', "null", '{"jobs": "x"}', '{"jobs": []}', '{"jobs": null}', '{"jobs": {"0": "a"}}', '{"jobs": [1]}', '{"jobs": [null]}']) {
    await expectError(`${method} ${path}: shape ${body}`, method, path, body, 422, "INVALID_REQUEST");
  }
}
for (const body of ['{"jobs": [{"job_id": 1, "delete_type": "terminate"}]}', '{"jobs": [{"job_id": "a"}]}', '{"jobs": ["a"]}', '{"jobs": [{"job_id": "a", "delete_type": ["terminate"]}]}']) {
  await expectError(`DELETE batch-jobs: shape ${body}`, "DELETE", JOBS, body, 422, "INVALID_REQUEST");
}
{
  const reply = await send("DELETE", JOBS, JSON.stringify({ jobs: [{ job_id: "no-such-task", delete_type: "explode" }] }));
  check("DELETE batch-jobs: unknown delete_type is a failed result, not an error", reply.status === 202 && reply.json?.results?.[0]?.status === "failed", reply.text.slice(0, 160));
  await expectError("PUT on batch-jobs", "PUT", JOBS, "{}", 405, "METHOD_NOT_ALLOWED");
  const query = await send("GET", `${LIST}?db_use_type=%ff%fe&db_use_type=x`);
  check("GET jobs with a garbled, repeated query", query.status < 500, `${query.status}`);
}

// ------------------------------------------------ oversized bodies and headers
{
  const padded = (size) => {
    const json = '{"jobs": ["a"]}';
    return json + " ".repeat(size - json.length);
  };
  const atLimit = await send("POST", STATUS, padded(BODY_LIMIT), { "content-type": "application/json" });
  check(`a body of exactly ${BODY_LIMIT} bytes is read`, atLimit.status === 200, `${atLimit.status} ${atLimit.text.slice(0, 160)}`);
  // The server answers 413 from the Content-Length and closes, so the client
  // may see the answer or, still writing, a closed connection: both are a refusal.
  const oversized = async (name, method, path, size) => {
    const reply = await send(method, path, padded(size), { "content-type": "application/json" }).catch((error) => ({ status: error.cause?.code ?? String(error) }));
    const refused = (reply.status === 413 && reply.json?.error_code === "REQUEST_TOO_LARGE") || ["EPIPE", "ECONNRESET"].includes(reply.status);
    check(name, refused, `${reply.status} ${reply.text?.slice(0, 160)}`);
  };
  await oversized(`a body of ${BODY_LIMIT + 1} bytes`, "POST", STATUS, BODY_LIMIT + 1);
  await oversized("a 16 MiB body", "DELETE", JOBS, 16 * BODY_LIMIT);

  // Chunked, so there is no Content-Length to refuse up front: the limit applies while reading.
  const chunks = (async function* () {
    for (let i = 0; i < 3; i++) yield new Uint8Array(BODY_LIMIT).fill(0x20);
  })();
  const chunked = await fetch(new URL(STATUS, base), { method: "POST", headers: { "X-Auth-Token": TOKEN, "content-type": "application/json" }, body: chunks, duplex: "half", signal: AbortSignal.timeout(15_000) }).catch((error) => ({ status: error.cause?.code ?? String(error) }));
  check("a 3 MiB chunked body", [413, "EPIPE", "ECONNRESET"].includes(chunked.status), `${chunked.status}`);

  // A Content-Length of 10 GB with almost nothing sent: refused at once, not waited for.
  const liar = rawConnection();
  const started = performance.now();
  liar.write(`POST ${STATUS} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n{"jobs"`);
  const lied = await Promise.race([liar.closed, sleep(5_000).then(() => null)]);
  liar.socket.destroy();
  check("Content-Length 10 GB: 413 without waiting for the body", lied?.received.startsWith("HTTP/1.1 413") && performance.now() - started < 5_000, lied?.received.slice(0, 80) ?? "no answer within 5 s");

  const huge = rawConnection();
  huge.write(`GET ${LIST} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nX-Big: ${"h".repeat(1024 * 1024)}\r\n\r\n`);
  const hugeReply = await Promise.race([huge.closed, sleep(5_000).then(() => null)]);
  huge.socket.destroy();
  const hugeStatus = hugeReply?.received.slice(9, 12);
  check("a 1 MiB header: refused (431) or the connection closed, never a 5xx", hugeReply !== null && (hugeStatus === "431" || hugeStatus === "" || hugeStatus?.startsWith("4")), hugeReply?.received.slice(0, 80) ?? "no answer within 5 s");
}

// ------------------------------------------------ who may call: tokens, projects, Host, body type, batch size
const access = {};
{
  const call = async (name, method, path, body, headers, status, code) => {
    const response = await fetch(new URL(path, base), { method, body, headers, signal: AbortSignal.timeout(15_000) });
    const json = await response.json().catch(() => null);
    check(name, response.status === status && (code === undefined || json?.error_code === code), `${response.status} ${JSON.stringify(json).slice(0, 160)}`);
    return response;
  };
  await call("no token: 401", "GET", LIST, undefined, {}, 401, "TOKEN_REQUIRED");
  await call("an unknown token: 401", "GET", LIST, undefined, { "X-Auth-Token": `${TOKEN}x` }, 401, "TOKEN_INVALID");
  await call("another project's path: 403", "GET", `/v3/not-${PROJECT}/jobs`, undefined, { "X-Auth-Token": TOKEN }, 403, "PROJECT_FORBIDDEN");
  await call("a text/plain body: 415", "POST", STATUS, '{"jobs": ["a"]}', { "X-Auth-Token": TOKEN, "content-type": "text/plain" }, 415, "UNSUPPORTED_MEDIA_TYPE");
  await call("a form body: 415", "DELETE", JOBS, "jobs=a", { "X-Auth-Token": TOKEN, "content-type": "application/x-www-form-urlencoded" }, 415, "UNSUPPORTED_MEDIA_TYPE");
  const many = JSON.stringify({ jobs: Array.from({ length: 1001 }, (_, i) => `t${i}`) });
  await call("1,001 jobs: 400", "POST", STATUS, many, { "X-Auth-Token": TOKEN, "content-type": "application/json" }, 400, "TOO_MANY_JOBS");
  for (const path of ["/", LIST]) {
    const response = await fetch(new URL(path, base), { headers: { "X-Auth-Token": TOKEN } });
    await response.arrayBuffer();
    const csp = response.headers.get("content-security-policy") ?? "";
    check(`${path}: nosniff, no framing, no inline script`, response.headers.get("x-content-type-options") === "nosniff" && csp.includes("frame-ancestors 'none'") && !/script-src[^;]*'unsafe-inline'/.test(csp), JSON.stringify([...response.headers]));
  }
  // Policies (DRS_TOKENS, written by scripts/load-test.sh): the backend refuses exactly what the package
  // refuses under the token's policy, with the same code. Only jobs no policy here allows change nothing.
  access.policies = {};
  for (const [policy, token, deleteTypes] of [["ReadOnlyAccess", process.env.READ_ONLY_TOKEN, ["terminate", "force_terminate", "delete"]], ["FullWithOutDeletePermission", process.env.NO_DELETE_TOKEN, ["delete"]]]) {
    if (!token) continue;
    const headers = { "X-Auth-Token": token, "content-type": "application/json" };
    const tasks = (await (await fetch(new URL(LIST, base), { headers })).json()).jobs ?? [];
    let same = 0;
    const differ = [];
    for (const deleteType of deleteTypes) {
      const jobs = tasks.slice(0, 1000).map((task) => ({ job_id: task.id, delete_type: deleteType }));
      const { results = [] } = await (await fetch(new URL(JOBS, base), { method: "DELETE", headers, body: JSON.stringify({ jobs }) })).json();
      results.forEach((result, i) => {
        const decision = rules.evaluateStop(tasks[i], { policy });
        const option = deleteType === "delete" ? decision.delete : decision.modes[deleteType === "terminate" ? "normal" : "force"];
        const expected = option.available ? "success" : option.blocked?.code;
        const actual = result.status === "success" ? "success" : result.error_code;
        if (expected === actual) same += 1;
        else differ.push(`${deleteType} ${tasks[i].status}: ${actual}, the package says ${expected}`);
      });
    }
    access.policies[policy] = { jobs: same + differ.length, same_as_package: same };
    check(`${policy}: every job answered as the package decides`, tasks.length > 0 && differ.length === 0, differ.slice(0, 5).join("; "));
  }
  // A page on another name (DNS rebinding) sends its own Host.
  const hosts = {};
  for (const host of [`evil.example:${PORT}`, "127.0.0.1", `localhost:${PORT + 1}`, `localhost:${PORT}`, `[::1]:${PORT}`]) {
    const raw = rawConnection();
    raw.write(`GET ${LIST} HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${TOKEN}\r\nConnection: close\r\n\r\n`);
    const reply = await Promise.race([raw.closed, sleep(5_000).then(() => null)]);
    raw.socket.destroy();
    hosts[host] = Number(reply?.received.slice(9, 12));
  }
  access.hosts = hosts;
  check("Host: only the loopback names with the own port", hosts[`localhost:${PORT}`] === 200 && hosts[`[::1]:${PORT}`] === 200 && [`evil.example:${PORT}`, "127.0.0.1", `localhost:${PORT + 1}`].every((host) => hosts[host] === 403), JSON.stringify(hosts));
}

// ------------------------------------------------ memory: clients that send 1 MiB batches and stop reading
const memory = { clients: 24, body_bytes: 0 };
{
  const rss = () => {
    try {
      const status = readFileSync(`/proc/${process.env.SERVER_PID}/status`, "utf8");
      const field = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))?.[1] ?? NaN) / 1024;
      return { rss_mib: round(field("VmRSS")), peak_mib: round(field("VmHWM")) };
    } catch {
      return { rss_mib: null, peak_mib: null };
    }
  };
  // 1,000 ids of ~1 KiB each: the largest batch, whose answer echoes every id.
  const body = JSON.stringify({ jobs: Array.from({ length: 1000 }, (_, i) => `${i}-${"x".repeat(1040)}`) });
  memory.body_bytes = body.length;
  memory.before = rss();
  const stalled = Array.from({ length: memory.clients }, () => {
    const connection = rawConnection();
    connection.socket.pause(); // never read: the answer stays with the server
    connection.write(`POST ${STATUS} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    return connection;
  });
  await sleep(3_000);
  memory.while_stalled = rss();
  // Meanwhile a normal client still lists.
  const started = performance.now();
  const list = await send("GET", LIST);
  memory.list_while_stalled_ms = round(performance.now() - started);
  check("a list while 24 clients hold 1 MiB answers unread", list.status === 200, `${list.status}`);
  // The server gives up on them after its write deadline, or (when the kernel's socket buffers took the
  // whole answer) closes them as idle after the head deadline (server/LIMITS.md): read again and see.
  await sleep(Math.max(WRITE_STALL_TIMEOUT_MS, HEADER_READ_TIMEOUT_MS) + SLACK_MS - 3_000);
  stalled.forEach((c) => c.socket.resume());
  const closed = await Promise.all(stalled.map((c) => Promise.race([c.closed, sleep(3_000).then(() => null)])));
  stalled.forEach((c) => c.socket.destroy());
  memory.closed_by_server = closed.filter((c) => c !== null).length;
  await sleep(500);
  memory.after = rss();
  if (memory.before.rss_mib !== null) {
    check(`memory: peak under ${MEMORY_BOUND_MIB} MiB with ${memory.clients} clients not reading 1 MiB answers`, memory.while_stalled.peak_mib < MEMORY_BOUND_MIB, JSON.stringify(memory));
    check("memory: given back once they are cut off", memory.after.rss_mib < memory.before.rss_mib + 64, JSON.stringify(memory));
  }
  check(`clients that stop reading are cut off within ${Math.max(WRITE_STALL_TIMEOUT_MS, HEADER_READ_TIMEOUT_MS) + SLACK_MS} ms`, memory.closed_by_server === memory.clients, JSON.stringify(memory));
}

// ------------------------------------------------ a normal client's list while another floods 1 MiB batch-status calls
const flood = { flooders: 4, seconds: 5 };
{
  // The same list without the flood first: what the machine alone costs (it may be shared).
  const quiet = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await send("GET", LIST);
    quiet.push(performance.now() - started);
    await sleep(50);
  }
  flood.quiet_list_p99_ms = round(percentile([...quiet].sort((a, b) => a - b), 99));
  // The flooders run in their own thread, so their JSON work does not delay this client's event loop.
  const floodCode = `
    const { workerData, parentPort } = require("node:worker_threads");
    const body = JSON.stringify({ jobs: Array.from({ length: 1000 }, (_, i) => i + "-" + "y".repeat(1040)) });
    const statuses = {};
    let requests = 0;
    const until = Date.now() + workerData.ms;
    const one = async () => {
      while (Date.now() < until) {
        const response = await fetch(workerData.url, { method: "POST", body, headers: { "X-Auth-Token": workerData.token, "content-type": "application/json" } }).catch(() => null);
        const status = response ? response.status : "error";
        if (response) await response.arrayBuffer();
        statuses[status] = (statuses[status] ?? 0) + 1;
        requests += 1;
      }
    };
    Promise.all(Array.from({ length: workerData.flooders }, one)).then(() => parentPort.postMessage({ requests, statuses }));
  `;
  const worker = new Worker(floodCode, { eval: true, workerData: { url: new URL(STATUS, base).href, token: TOKEN, flooders: flood.flooders, ms: flood.seconds * 1000 + 500 } });
  const flooded = new Promise((resolve) => worker.once("message", resolve));
  await sleep(300); // the flood is under way
  const lists = [];
  const until = performance.now() + flood.seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const reply = await send("GET", LIST);
    if (reply.status === 200) lists.push(performance.now() - started);
    await sleep(50);
  }
  const { requests: floodRequests, statuses: floodStatuses } = await flooded;
  await worker.terminate();
  const sorted = [...lists].sort((a, b) => a - b);
  Object.assign(flood, { flood_requests: floodRequests, flood_statuses: floodStatuses, lists: lists.length, list_p50_ms: round(percentile(sorted, 50)), list_p99_ms: round(percentile(sorted, 99)), list_max_ms: round(sorted.at(-1) ?? 0) });
  // The bound is on what the flood adds: on a machine shared with other work, the quiet list's own time is not the server's doing.
  check(`a normal client's list stays under ${FLOOD_LIST_BOUND_MS} ms (p99, beyond the quiet list's p99) while ${flood.flooders} clients flood 1 MiB batch-status calls`, lists.length > 0 && flood.list_p99_ms < FLOOD_LIST_BOUND_MS + flood.quiet_list_p99_ms, JSON.stringify(flood));
}

// ------------------------------------------------ slow clients while a normal client is served
const slow = { header_connections: 40, body_connections: 10, idle_connections: 10 };
{
  const slowHeaders = Array.from({ length: slow.header_connections }, () => rawConnection());
  const slowBodies = Array.from({ length: slow.body_connections }, () => rawConnection());
  const idle = Array.from({ length: slow.idle_connections }, () => rawConnection());
  slowHeaders.forEach((c) => c.write(`GET ${LIST} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\n`));
  slowBodies.forEach((c) => c.write(`POST ${STATUS} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{`));

  // Drip a byte a second into every slow connection, for at most 20 s.
  const dripUntil = performance.now() + 20_000;
  const drip = setInterval(() => {
    if (performance.now() > dripUntil) return clearInterval(drip);
    slowHeaders.forEach((c) => c.write("X"));
    slowBodies.forEach((c) => c.write(" "));
  }, 1_000);

  // Meanwhile a normal client, one request after another, for as long as the slow ones are held (bounded).
  const normal = [];
  const normalStatuses = {};
  const everyClosed = Promise.all([...slowHeaders, ...slowBodies, ...idle].map((c) => c.closed));
  let allClosed = false;
  everyClosed.then(() => {
    allClosed = true;
  });
  const normalUntil = performance.now() + HEADER_READ_TIMEOUT_MS + SLACK_MS + 2_000;
  for (let i = 0; i < 5_000 && !allClosed && performance.now() < normalUntil; i++) {
    const start = performance.now();
    const reply = i % 2 ? await send("GET", LIST) : await send("POST", STATUS, '{"jobs": ["a"]}');
    normal.push(performance.now() - start);
    normalStatuses[reply.status] = (normalStatuses[reply.status] ?? 0) + 1;
    await sleep(20);
  }
  clearInterval(drip);
  const closedHeaders = await Promise.all(slowHeaders.map((c) => Promise.race([c.closed, sleep(1_000).then(() => null)])));
  const closedBodies = await Promise.all(slowBodies.map((c) => Promise.race([c.closed, sleep(1_000).then(() => null)])));
  const closedIdle = await Promise.all(idle.map((c) => Promise.race([c.closed, sleep(1_000).then(() => null)])));
  [...slowHeaders, ...slowBodies, ...idle].forEach((c) => c.socket.destroy());

  const maxClose = (closed) => (closed.some((c) => c === null) ? null : round(Math.max(...closed.map((c) => c.ms))));
  slow.header_closed_after_ms_max = maxClose(closedHeaders);
  slow.body_closed_after_ms_max = maxClose(closedBodies);
  slow.idle_closed_after_ms_max = maxClose(closedIdle);
  slow.body_answers = [...new Set(closedBodies.map((c) => c?.received.slice(0, 12)))];
  const sorted = [...normal].sort((a, b) => a - b);
  slow.normal_client = { requests: normal.length, statuses: normalStatuses, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? 0) };

  check(`slow headers: all ${slowHeaders.length} closed within ${HEADER_READ_TIMEOUT_MS + SLACK_MS} ms`, slow.header_closed_after_ms_max !== null && slow.header_closed_after_ms_max <= HEADER_READ_TIMEOUT_MS + SLACK_MS, slow.header_closed_after_ms_max);
  check(`idle connections: all ${idle.length} closed within ${HEADER_READ_TIMEOUT_MS + SLACK_MS} ms`, slow.idle_closed_after_ms_max !== null && slow.idle_closed_after_ms_max <= HEADER_READ_TIMEOUT_MS + SLACK_MS, slow.idle_closed_after_ms_max);
  check(`slow bodies: all ${slowBodies.length} answered 408 within ${BODY_READ_TIMEOUT_MS + SLACK_MS} ms`, slow.body_closed_after_ms_max !== null && slow.body_closed_after_ms_max <= BODY_READ_TIMEOUT_MS + SLACK_MS && closedBodies.every((c) => c?.received.startsWith("HTTP/1.1 408")), JSON.stringify([slow.body_closed_after_ms_max, slow.body_answers]));
  check(`the normal client kept being served (p99 <= ${NORMAL_P99_BOUND_MS} ms, all 200)`, normal.length > 0 && slow.normal_client.p99_ms <= NORMAL_P99_BOUND_MS && Object.keys(normalStatuses).every((s) => s === "200"), JSON.stringify(slow.normal_client));
}

// ------------------------------------------------ connections dropped mid-request
const dropped = { partial_headers: 30, partial_bodies: 30, unread_responses: 20 };
{
  const drops = [];
  for (let i = 0; i < dropped.partial_headers; i++) drops.push([rawConnection(), `GET ${LIST} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nX-Half`]);
  for (let i = 0; i < dropped.partial_bodies; i++) drops.push([rawConnection(), `DELETE ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nContent-Length: 100\r\n\r\n{"jobs": [{"job_id": "a", "delete_`]);
  for (let i = 0; i < dropped.unread_responses; i++) {
    const body = JSON.stringify({ jobs: [{ job_id: `dropped-${i}`, delete_type: "terminate" }] });
    drops.push([rawConnection(), `DELETE ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nX-Auth-Token: ${TOKEN}\r\nContent-Length: ${body.length}\r\n\r\n${body}`]);
  }
  for (const [connection, text] of drops) connection.write(text);
  await sleep(100);
  for (const [connection] of drops) connection.socket.resetAndDestroy?.() ?? connection.socket.destroy();
  await sleep(200);
}

// ------------------------------------------------ and afterwards, the server still answers normally
{
  const list = await send("GET", LIST);
  check("afterwards: GET jobs answers 200 with the task list", list.status === 200 && Array.isArray(list.json?.jobs) && list.json.count === list.json.jobs.length, `${list.status}`);
  const statuses = await send("POST", STATUS, JSON.stringify({ jobs: list.json?.jobs?.slice(0, 5).map((job) => job.id) ?? ["a"] }));
  check("afterwards: batch-status answers 200", statuses.status === 200 && statuses.json?.results?.length >= 1, `${statuses.status}`);
  const stop = await send("DELETE", JOBS, JSON.stringify({ jobs: [{ job_id: "no-such-task", delete_type: "terminate" }] }));
  check("afterwards: batch-jobs answers 202", stop.status === 202 && stop.json?.results?.[0]?.error_code !== undefined, `${stop.status}`);
}

const failed = checks.filter((c) => !c.ok);
const faults = {
  limits: { body_limit_bytes: BODY_LIMIT, header_read_timeout_ms: HEADER_READ_TIMEOUT_MS, body_read_timeout_ms: BODY_READ_TIMEOUT_MS },
  checks: checks.length,
  failed,
  access,
  memory,
  flood,
  slow_clients: slow,
  dropped_connections: dropped,
  ok: failed.length === 0,
};
mkdirSync("target/load", { recursive: true });
const results = existsSync("target/load/results.json") ? JSON.parse(readFileSync("target/load/results.json", "utf8")) : {};
results.faults = faults;
writeFileSync("target/load/results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify({ faults }, null, 2));
process.exit(failed.length === 0 ? 0 : 1);
