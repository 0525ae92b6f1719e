// evaluateStops, built for throughput (the JS half of src/wasm/batch.rs;
// scripts/build-pkg.sh puts it into every entry's glue). Calling into wasm
// costs far more than the rules, so this reads each task's fields once, in
// the careful reader's order, and copies the decision from a template that
// the wasm built and that is remembered here, keyed by what was read. It
// decides nothing: every template, every odd value and every error comes
// from the wasm. A task it does not read plainly (a value of another type, a
// getter that throws, an element that is not an object, a list longer than
// it keeps) goes to the careful reader with a stand-in that replays what was
// already read, so no getter runs twice and every error is exactly the
// careful path's.
const evaluateStops = ((startBatch, carefulTask, templates, tree) => {
  // The careful reader's order (src/input.rs read_task_keeping_id, read_rule_fields; src/api_item.rs):
  // job_type only when db_use_type is not given; of children, the list and its length; job_action last,
  // and in it each list: the list, its length, then its elements in order.
  const FIELDS = ["id", "db_use_type", "job_type", "status", "engine_type", "task_type", "network_abnormal", "configuration_failed", "children", "job_mode_role", "is_parent", "multi_write", "job_action"];
  const LISTS = ["available_actions", "unavailable_actions"];
  const STRINGS = 64; // distinct values remembered per table
  const TEMPLATES = 4096; // templates remembered in all
  const LONGEST = 64; // action names read here per list; a longer list is the careful reader's
  const CHILDREN = 62; // the longest children list read here (its length is a key as it is: 6 bits)
  const ODD = {}; // thrown to leave the plain reading
  // Tables: 0 db_use_type, 1 status, 2 engine_type, 3 task_type, 4 job_mode_role, 5 job_type.
  let strings, rows, actions, actionCount, count;
  const forget = () => {
    strings = [new Map(), new Map(), new Map(), new Map(), new Map(), new Map()];
    rows = new Map();
    actions = new Map();
    actionCount = 0;
    count = 0;
  };
  forget();
  // A small number for a value, 0 for null/undefined, -1 when the table is full.
  const idOf = (table, value) => {
    if (value == null) return 0;
    let id = strings[table].get(value);
    if (id === undefined) {
      if (strings[table].size >= STRINGS - 1) return -1;
      strings[table].set(value, (id = strings[table].size + 1));
    }
    return id;
  };
  // The action lists of the task being read: each as read (`given`), and when it is an array, its
  // names (`buffers`, `lengths`). One per call, as a getter may call evaluateStops while one is read.
  const listsRead = () => ({ given: [undefined, undefined], buffers: [[], []], lengths: [0, 0] });
  const names = ({ given, buffers, lengths }, w) => (given[w] == null ? given[w] : buffers[w].slice(0, lengths[w]));
  // A small number for the lists read from a job_action: a path in a tree of maps, one step per
  // list (an array, or which nullish value), per name, and per list's end. Undefined when the path
  // is not there yet and `grow` is false; -1 when the table is full.
  const step = (node, key, grow) => {
    let next = node.get(key);
    if (next === undefined && grow) node.set(key, (next = new Map()));
    return next;
  };
  const actionId = ({ given, buffers, lengths }, grow) => {
    let node = actions;
    for (let w = 0; w < 2 && node; w++) {
      node = step(node, given[w] === undefined ? 0 : given[w] === null ? 1 : 2, grow);
      for (let i = 0; given[w] != null && i < lengths[w] && node; i++) node = step(node, buffers[w][i], grow);
      node = node && step(node, 3, grow);
    }
    let id = node?.get(-1);
    if (id === undefined && grow) {
      if (actionCount >= STRINGS - 1) return -1;
      node.set(-1, (id = ++actionCount));
    }
    return id;
  };
  // The kind's number: one read from job_type is kept apart from one read from db_use_type.
  const kindId = (kind, jobType) => {
    if (kind != null) return idOf(0, kind);
    const id = idOf(5, jobType);
    return id < 0 ? id : STRINGS + id;
  };
  const throwing = (thrown) => ({ enumerable: true, get() { throw thrown; } });
  // `original` as the careful reader must see it: the reads already made (`reads`: key -> [threw,
  // value]), then `original` itself, read as if directly (it is the receiver, as it is for the careful
  // reader). A proxy on an empty object or array, so it has the original's shape (an object, an array)
  // with no invariants to keep, and a length that can be what was read, even a throw.
  const replay = (shape, original, reads) =>
    new Proxy(shape, {
      get(_, key) {
        const read = reads.get(key);
        if (read === undefined) return Reflect.get(original, key);
        if (read[0]) throw read[1];
        return read[1];
      },
    });
  // What was read of a task when reading it stopped: the fields before `read`, and field `read`
  // (its value, or what its read threw).
  const taskReads = (values, read, thrown) => {
    const reads = new Map();
    for (let f = 0; f < read; f++) reads.set(FIELDS[f], [false, values[f]]);
    reads.set(FIELDS[read], thrown === ODD ? [false, values[read]] : [true, thrown]);
    return reads;
  };
  // What was read of a list when reading it stopped: its length (or what its read threw), the
  // elements before `at`, and element `at` (its value, or what its read threw).
  const readsOf = (n, lengthRead, buffer, at, element, thrown) => {
    const reads = new Map([["length", lengthRead ? [false, n] : [true, thrown]]]);
    for (let j = 0; j < at; j++) reads.set(String(j), [false, buffer[j]]);
    if (at >= 0) reads.set(String(at), thrown === ODD ? [false, element] : [true, thrown]);
    return reads;
  };
  // Reads both action lists of a job_action object into `buffers`/`lengths`/`given`. When one is odd,
  // returns a stand-in for the object that replays what was read of it (undefined when all is plain).
  const readActions = (action, lists) => {
    const { given, buffers, lengths } = lists;
    // The stand-in when list `w` is odd (`read`: [threw, value]); the lists before it as they were read.
    const oddAt = (w, read) => {
      const reads = new Map();
      for (let v = 0; v < w; v++) reads.set(LISTS[v], [false, names(lists, v)]);
      return replay({}, action, reads.set(LISTS[w], read));
    };
    for (let w = 0; w < 2; w++) {
      let list;
      try {
        list = action[LISTS[w]];
      } catch (thrown) {
        return oddAt(w, [true, thrown]);
      }
      given[w] = list;
      if (list == null) continue;
      let isArray = false;
      try {
        isArray = Array.isArray(list);
      } catch {} // a revoked proxy: the careful reader says what it is
      if (!isArray) return oddAt(w, [false, list]);
      const buffer = buffers[w];
      let n, lengthRead = false, at = -1, element;
      try {
        n = list.length;
        lengthRead = true;
        if (!(Number.isInteger(n) && n >= 0 && n <= LONGEST)) throw ODD;
        for (at = 0; at < n; at++) {
          element = list[at];
          if (typeof element !== "string") throw ODD;
          buffer[at] = element;
        }
      } catch (thrown) {
        return oddAt(w, [false, replay([], list, readsOf(n, lengthRead, buffer, at, element, thrown))]);
      }
      lengths[w] = n;
    }
    return undefined;
  };
  // A template that one call (batch) asked the wasm for and gets at its end, and where it is to be
  // kept (row, key).
  class Waiting {
    constructor(batch, row, key) {
      this.batch = batch;
      this.row = row;
      this.key = key;
      this.template = undefined;
    }
  }
  // Decisions share a template's nested objects, so they are frozen: no
  // decision can be changed through another. Whatever comes from the wasm
  // comes unfrozen (there, each nested object would cost crossings) and is
  // frozen here at once; an object already frozen has had its contents frozen first.
  const deepFreeze = (value) => {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
      for (const nested of Object.values(value)) deepFreeze(nested);
      Object.freeze(value);
    }
    return value;
  };
  // A decision from the wasm: its nested objects frozen, itself not (its copies are not either).
  const frozenInside = (decision) => {
    for (const nested of Object.values(decision)) deepFreeze(nested);
    return decision;
  };
  const careful = (holder, position, opts) => frozenInside(carefulTask(holder, position, opts));

  return function evaluateStops(tasks, options) {
    const started = startBatch(tasks, options);
    const opts = started % 64; // the wasm's number for these options
    if (started % 128 >= 64) forget(); // the wasm renumbered them
    if (started % 256 >= 128) return tree(tasks, opts).map(frozenInside); // children: true, all in the wasm
    const length = Math.floor(started / 256);
    const out = new Array(length);
    const lists = listsRead();
    // Tasks whose template this call asks the wasm for, all at once at the end.
    const batch = {};
    const waiting = []; // Waiting entries, in the order of their packed tasks
    const waitingTasks = []; // position, entry, id: three per task
    const numbers = [];
    const texts = [];
    for (let i = 0; i < length; i++) {
      let task;
      try {
        task = tasks[i];
      } catch (thrown) {
        out[i] = careful(Object.defineProperty([], 0, throwing(thrown)), i, opts);
        continue;
      }
      let plain = false;
      try {
        plain = typeof task === "object" && task !== null && !Array.isArray(task);
      } catch {} // a revoked proxy: the careful reader says what it is
      if (!plain) {
        out[i] = careful([task], i, opts);
        continue;
      }
      let read = 0;
      let id, kind, jobType, status, engine, taskType, network, configFailed, children, role, parent, multiWrite, action;
      let childCount = -1; // children's length, as read
      try {
        id = task.id;
        if (typeof id !== "string" && id != null) throw ODD;
        read = 1;
        kind = task.db_use_type;
        if (typeof kind !== "string") {
          if (kind != null) throw ODD;
          read = 2;
          jobType = task.job_type; // read only when db_use_type is not given
          if (typeof jobType !== "string") throw ODD;
        }
        read = 3;
        status = task.status;
        if (typeof status !== "string") throw ODD;
        read = 4;
        engine = task.engine_type;
        if (typeof engine !== "string" && engine != null) throw ODD;
        read = 5;
        taskType = task.task_type;
        if (typeof taskType !== "string" && taskType != null) throw ODD;
        read = 6;
        network = task.network_abnormal;
        if (typeof network !== "boolean" && network != null) throw ODD;
        read = 7;
        configFailed = task.configuration_failed;
        if (typeof configFailed !== "boolean" && configFailed != null) throw ODD;
        read = 8;
        children = task.children;
        if (children != null) {
          let isArray = false;
          try {
            isArray = Array.isArray(children);
          } catch {} // a revoked proxy: the careful reader says what it is
          if (!isArray) throw ODD;
          let n, lengthRead = false;
          try {
            n = children.length; // the careful reader reads no more of it here
            lengthRead = true;
            if (!(Number.isInteger(n) && n >= 0 && n <= CHILDREN)) throw ODD;
          } catch (thrown) {
            children = replay([], children, readsOf(n, lengthRead, [], -1, undefined, thrown));
            throw ODD;
          }
          childCount = n;
        }
        read = 9;
        role = task.job_mode_role;
        if (typeof role !== "string" && role != null) throw ODD;
        read = 10;
        parent = task.is_parent;
        if (typeof parent !== "boolean" && parent != null) throw ODD;
        read = 11;
        multiWrite = task.multi_write;
        if (typeof multiWrite !== "boolean" && multiWrite != null) throw ODD;
        read = 12;
        action = task.job_action;
        if (action != null) {
          let isObject = false;
          try {
            isObject = typeof action === "object" && !Array.isArray(action);
          } catch {} // a revoked proxy: the careful reader says what it is
          if (!isObject) throw ODD;
          const standIn = readActions(action, lists);
          if (standIn !== undefined) {
            action = standIn;
            throw ODD;
          }
        }
      } catch (thrown) {
        // Of a children list read plainly, its length was read: that is replayed too.
        if (childCount >= 0) children = replay([], children, readsOf(childCount, true, [], -1, undefined, ODD));
        const values = [id, kind, jobType, status, engine, taskType, network, configFailed, children, role, parent, multiWrite, action];
        out[i] = careful([replay({}, task, taskReads(values, read, thrown))], i, opts);
        continue;
      }
      // What was read, as a key: values by number (a kind from job_type apart from one from
      // db_use_type), the flags by value (true, false or not given).
      const flags =
        (network === true ? 1 : 0) | (configFailed === true ? 2 : 0) | (parent === true ? 4 : parent === false ? 8 : 0) |
        (multiWrite === true ? 16 : 0);
      let k = kindId(kind, jobType);
      let s = idOf(1, status);
      let e = idOf(2, engine);
      let t = idOf(3, taskType);
      let r = idOf(4, role);
      const c = childCount + 1; // 0: no children list
      let a = action == null ? 0 : (actionId(lists, false) ?? actionId(lists, true));
      if (k < 0 || s < 0 || e < 0 || t < 0 || r < 0 || a < 0 || count >= TEMPLATES) {
        forget();
        [k, s, e, t, r] = [kindId(kind, jobType), idOf(1, status), idOf(2, engine), idOf(3, taskType), idOf(4, role)];
        a = action == null ? 0 : actionId(lists, true);
      }
      const rowKey = ((c * STRINGS + a) * 2 * STRINGS + k) * STRINGS + s; // < 2^25
      let row = rows.get(rowKey);
      if (row === undefined) rows.set(rowKey, (row = new Map()));
      const key = (((e * STRINGS + t) * STRINGS + r) * 32 + flags) * 64 + opts; // < 2^29
      let shared = row.get(key);
      // A template still waiting for another call (one that threw, or the call a getter made it from).
      if (shared instanceof Waiting && shared.batch !== batch) shared = undefined;
      if (shared === undefined) {
        // Packed for the wasm (src/wasm/packed.rs), which builds every template of this batch at the end.
        numbers.push(flags, Math.max(childCount, 0));
        for (const text of [kind, jobType, status, engine, taskType, role]) {
          numbers.push(text == null ? -1 : text.length);
          if (text != null) texts.push(text);
        }
        for (let w = 0; w < 2; w++) {
          const list = action == null ? null : names(lists, w);
          numbers.push(list == null ? -1 : list.length);
          for (const name of list ?? []) numbers.push(name.length), texts.push(name);
        }
        row.set(key, (shared = new Waiting(batch, row, key)));
        waiting.push(shared);
        count += 1;
      }
      if (shared instanceof Waiting) {
        waitingTasks.push(i, shared, id ?? null);
        continue;
      }
      const decision = { ...shared };
      decision.id = id ?? null;
      out[i] = decision;
    }
    if (waiting.length > 0) {
      const made = templates(opts, texts.join(""), numbers);
      for (const [slot, entry] of waiting.entries()) {
        entry.template = { ...deepFreeze(made[slot]) };
        // (When the tables started over meanwhile, this row is no longer in them: harmless.)
        entry.row.set(entry.key, entry.template);
      }
      for (let w = 0; w < waitingTasks.length; w += 3) {
        const decision = { ...waitingTasks[w + 1].template };
        decision.id = waitingTasks[w + 2];
        out[waitingTasks[w]] = decision;
      }
    }
    return out;
  };
})(__stopBatch, __stopTask, __stopTemplates, __stopTree);
