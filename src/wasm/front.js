// evaluateStops, built for throughput (the JS half of src/wasm/batch.rs;
// scripts/build-pkg.sh puts it into every entry's glue). Calling into wasm
// costs far more than the rules, so this reads each task's fields once, in
// the careful reader's order, and copies the decision from a template that
// the wasm built and that is remembered here, keyed by the strings and flags
// read. It decides nothing: every template, every odd value and every error
// comes from the wasm. A task it does not read plainly (a value of another
// type, a getter that throws, an element that is not an object) goes to the
// careful reader with a stand-in that replays what was already read, so no
// getter runs twice and every error is exactly the careful path's.
const evaluateStops = ((startBatch, carefulTask, template, tree) => {
  // The careful reader's order. A list item's own fields of contract section 10 (children,
  // job_mode_role, job_action, a kind named job_type) are left to the careful reader.
  const FIELDS = ["id", "db_use_type", "status", "engine_type", "task_type", "network_abnormal", "configuration_failed", "children", "job_mode_role", "is_parent", "multi_write", "job_action"];
  const STRINGS = 64; // distinct strings remembered per field
  const TEMPLATES = 4096; // templates remembered in all
  const ODD = {}; // thrown to leave the plain reading
  let strings, rows, count;
  const forget = () => {
    strings = [new Map(), new Map(), new Map(), new Map(), new Map()];
    rows = new Array(STRINGS * STRINGS).fill(undefined);
    count = 0;
  };
  forget();
  // A small number for a string, 0 for null/undefined, -1 when the table is full.
  const idOf = (table, text) => {
    if (text == null) return 0;
    let id = strings[table].get(text);
    if (id === undefined) {
      if (strings[table].size >= STRINGS - 1) return -1;
      strings[table].set(text, (id = strings[table].size + 1));
    }
    return id;
  };
  const throwing = (thrown) => ({ enumerable: true, get() { throw thrown; } });
  // The task as the careful reader must see it: what was read, then the rest of the task.
  const replay = (task, values, read, thrown) => {
    const fields = {};
    for (let f = 0; f < read; f++) fields[FIELDS[f]] = { value: values[f], enumerable: true };
    fields[FIELDS[read]] = thrown === ODD ? { value: values[read], enumerable: true } : throwing(thrown);
    return Object.create(task, fields);
  };
  // Decisions share a template's nested objects, so they are frozen: no
  // decision can be changed through another. A template comes unfrozen from
  // the wasm, where each nested object would cost crossings; an object
  // already frozen has had its contents frozen first.
  const deepFreeze = (value) => {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
      for (const nested of Object.values(value)) deepFreeze(nested);
      Object.freeze(value);
    }
    return value;
  };

  return function evaluateStops(tasks, options) {
    const started = startBatch(tasks, options);
    const opts = started % 64; // the wasm's number for these options
    if (started % 128 >= 64) forget(); // the wasm renumbered them
    if (started % 256 >= 128) return tree(tasks, opts); // children: true, all in the wasm
    const length = Math.floor(started / 256);
    const out = new Array(length);
    for (let i = 0; i < length; i++) {
      let task;
      try {
        task = tasks[i];
      } catch (thrown) {
        out[i] = carefulTask(Object.defineProperty([], 0, throwing(thrown)), i, opts);
        continue;
      }
      let plain = false;
      try {
        plain = typeof task === "object" && task !== null && !Array.isArray(task);
      } catch {} // a revoked proxy: the careful reader says what it is
      if (!plain) {
        out[i] = carefulTask([task], i, opts);
        continue;
      }
      let read = 0;
      let id, kind, status, engine, taskType, network, configFailed, children, role, parent, multiWrite, action;
      try {
        id = task.id;
        if (typeof id !== "string" && id != null) throw ODD;
        read = 1;
        kind = task.db_use_type;
        if (typeof kind !== "string") throw ODD;
        read = 2;
        status = task.status;
        if (typeof status !== "string") throw ODD;
        read = 3;
        engine = task.engine_type;
        if (typeof engine !== "string" && engine != null) throw ODD;
        read = 4;
        taskType = task.task_type;
        if (typeof taskType !== "string" && taskType != null) throw ODD;
        read = 5;
        network = task.network_abnormal;
        if (typeof network !== "boolean" && network != null) throw ODD;
        read = 6;
        configFailed = task.configuration_failed;
        if (typeof configFailed !== "boolean" && configFailed != null) throw ODD;
        read = 7;
        children = task.children;
        // An empty list (as v3 items carry) is read on; anything else is the careful reader's.
        if (children != null && !(Array.isArray(children) && children.length === 0)) throw ODD;
        read = 8;
        role = task.job_mode_role;
        if (typeof role !== "string" && role != null) throw ODD;
        read = 9;
        parent = task.is_parent;
        if (typeof parent !== "boolean" && parent != null) throw ODD;
        read = 10;
        multiWrite = task.multi_write;
        if (typeof multiWrite !== "boolean" && multiWrite != null) throw ODD;
        read = 11;
        action = task.job_action;
        if (action != null) throw ODD;
      } catch (thrown) {
        const values = [id, kind, status, engine, taskType, network, configFailed, children, role, parent, multiWrite, action];
        out[i] = carefulTask([replay(task, values, read, thrown)], i, opts);
        continue;
      }
      // What was read, as a key: the strings by number, the flags by value (true, false or not given).
      const flags =
        (network === true ? 1 : 0) | (configFailed === true ? 2 : 0) | (parent === true ? 4 : parent === false ? 8 : 0) |
        (multiWrite === true ? 16 : 0) | (children == null ? 0 : 32);
      let k = idOf(0, kind);
      let s = idOf(1, status);
      let e = idOf(2, engine);
      let t = idOf(3, taskType);
      let r = idOf(4, role);
      if (k < 0 || s < 0 || e < 0 || t < 0 || r < 0 || count >= TEMPLATES) {
        forget();
        [k, s, e, t, r] = [idOf(0, kind), idOf(1, status), idOf(2, engine), idOf(3, taskType), idOf(4, role)];
      }
      const row = rows[s * STRINGS + k] ?? (rows[s * STRINGS + k] = new Map());
      const key = (((e * STRINGS + t) * STRINGS + r) * 64 + flags) * 64 + opts; // < 2^30
      let shared = row.get(key);
      if (shared === undefined) {
        // The wasm builds the template with the careful reader, from a plain stand-in of what was read.
        const standIn = {
          db_use_type: kind, status, engine_type: engine, task_type: taskType, network_abnormal: network,
          configuration_failed: configFailed, children: children == null ? children : [], job_mode_role: role,
          is_parent: parent, multi_write: multiWrite,
        };
        shared = { ...deepFreeze(template(opts, standIn)) };
        row.set(key, shared);
        count += 1;
      }
      const decision = { ...shared };
      decision.id = id ?? null;
      out[i] = decision;
    }
    return out;
  };
})(__stopBatch, __stopTask, __stopTemplate, __stopTree);
