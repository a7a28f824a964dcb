// The Node sandbox worker (see README.md). Plain JavaScript so `new Worker` can start it under tsx and vitest alike.
// It runs the user's function body in a fresh `node:vm` context holding only `inputs`, `aq` and `console`.
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import * as arquero from 'arquero';

const USER_FILE = 'user-code.js';

// Arquero's API without its loaders (they read files and URLs).
const aq = Object.freeze(Object.fromEntries(Object.entries(arquero).filter(([name]) => !name.startsWith('load'))));

// Close the doors a host function's `.constructor.constructor` would open back into this realm.
for (const fn of [() => {}, async () => {}, function* () {}, async function* () {}]) {
  Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: undefined });
}
for (const name of ['fetch', 'WebSocket', 'EventSource', 'process', 'require', 'Buffer', 'setImmediate']) {
  try {
    delete globalThis[name];
  } catch {
    /* not deletable: ignore */
  }
}

function line(text) {
  const m = new RegExp(`${USER_FILE.replace('.', '\\.')}:(\\d+)`).exec(String(text ?? ''));
  return m ? Number(m[1]) : undefined;
}

function toColumns(result) {
  if (Array.isArray(result)) result = arquero.from(result);
  if (!result || typeof result.columnNames !== 'function' || typeof result.array !== 'function') {
    throw Object.assign(new Error('The code must return an Arquero table or an array of row objects'), {
      kind: 'result',
    });
  }
  const columns = result.columnNames();
  return { columns, data: columns.map((c) => Array.from(result.array(c))) };
}

function run({ code, inputs, timeoutMs }) {
  const tables = {};
  for (const [name, { columns, data }] of Object.entries(inputs)) {
    tables[name] = arquero.table(Object.fromEntries(columns.map((c, i) => [c, data[i]])));
  }
  const logs = [];
  const console = Object.freeze({
    log: (...args) => logs.push(args.map(String).join(' ')),
  });
  // The first input is also `inputs.input`.
  const first = Object.keys(tables)[0];
  const given = Object.freeze({ ...tables, ...(first && !('input' in tables) ? { input: tables[first] } : {}) });
  const context = vm.createContext(
    { inputs: given, aq, op: aq.op, console },
    { codeGeneration: { strings: false, wasm: false } },
  );
  let script;
  try {
    script = new vm.Script(`(function () {\n${code}\n})()`, {
      filename: USER_FILE,
      lineOffset: -1,
    });
  } catch (e) {
    return { ok: false, kind: 'syntax', message: `${e.name}: ${e.message}`, line: line(e.stack) };
  }
  try {
    const result = script.runInContext(context, { timeout: timeoutMs });
    if (result && typeof result.then === 'function') {
      return { ok: false, kind: 'result', message: 'The code must return a table, not a Promise' };
    }
    return { ok: true, result: toColumns(result) };
  } catch (e) {
    const err = e !== null && typeof e === 'object' ? e : { message: String(e) };
    if (err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      return { ok: false, kind: 'timeout', message: 'Time limit exceeded' };
    return {
      ok: false,
      kind: err.kind ?? 'runtime',
      message: `${err.name ?? 'Error'}: ${err.message}`,
      line: line(err.stack),
    };
  }
}

parentPort.on('message', (request) => {
  parentPort.postMessage(run(request));
});
