/// <reference lib="webworker" />
// The browser sandbox worker (see README.md): a dedicated module worker; network and storage globals are
// replaced by `undefined` before any user code runs, and the page terminates the worker at the time limit.
import { parse } from 'acorn';
import * as arquero from 'arquero';
import { type ColumnarData, type SandboxReply, USER_FILE, userLine } from './types.ts';

const BLOCKED = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB',
  'caches',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'navigator',
  'location',
];

const scope = self as unknown as Record<string, unknown>;
const post = (reply: SandboxReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(reply);
const onMessage = (handler: (e: MessageEvent) => void) => self.addEventListener('message', handler);

for (const name of BLOCKED) {
  // Shadow on the global object itself: the real ones live on WorkerGlobalScope's prototypes.
  try {
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
  } catch {
    /* a non-configurable global: leave it */
  }
}

const aq = Object.freeze(Object.fromEntries(Object.entries(arquero).filter(([name]) => !name.startsWith('load'))));

function toColumns(result: unknown): ColumnarData {
  const value = Array.isArray(result) ? arquero.from(result) : result;
  const t = value as { columnNames?: () => string[]; array?: (c: string) => ArrayLike<unknown> } | null;
  if (!t || typeof t.columnNames !== 'function' || typeof t.array !== 'function') {
    throw Object.assign(new Error('The code must return an Arquero table or an array of row objects'), {
      kind: 'result',
    });
  }
  const columns = t.columnNames();
  return { columns, data: columns.map((c) => Array.from(t.array!(c))) };
}

// Indirect: the code sees only the globals, never this module's variables.
// biome-ignore lint/security/noGlobalEval: the user's code must be compiled; the worker is the sandbox
const indirectEval = eval;

function run(code: string, inputs: Record<string, ColumnarData>): SandboxReply {
  const tables: Record<string, unknown> = {};
  for (const [name, { columns, data }] of Object.entries(inputs)) {
    tables[name] = arquero.table(Object.fromEntries(columns.map((c, i) => [c, data[i] ?? []])));
  }
  const first = Object.keys(tables)[0];
  if (first && !('input' in tables)) tables.input = tables[first];
  const console = Object.freeze({ log: () => {} });
  let fn: (...args: unknown[]) => unknown;
  try {
    // Indirect eval with a source URL: stack frames then name USER_FILE, one header line above the user's.
    fn = indirectEval(`(function (inputs, aq, op, console) {\n${code}\n})\n//# sourceURL=${USER_FILE}`);
  } catch (e) {
    const err = e as Error;
    return { ok: false, kind: 'syntax', message: `${err.name}: ${err.message}`, line: syntaxLine(code) };
  }
  try {
    const result = fn(Object.freeze(tables), aq, arquero.op, console);
    if (result && typeof (result as { then?: unknown }).then === 'function') {
      return { ok: false, kind: 'result', message: 'The code must return a table, not a Promise' };
    }
    return { ok: true, result: toColumns(result) };
  } catch (e) {
    const err = (e !== null && typeof e === 'object' ? e : { message: String(e) }) as Error & { kind?: 'result' };
    const line = userLine(err.stack);
    return {
      ok: false,
      kind: err.kind ?? 'runtime',
      message: `${err.name ?? 'Error'}: ${err.message}`,
      line: line ? line - 1 : undefined,
    };
  }
}

/**
 * The browser's SyntaxError carries no position (its stack points at the eval, not into the code), so the
 * line comes from parsing the code again with acorn.
 */
function syntaxLine(code: string): number | undefined {
  try {
    parse(code, { ecmaVersion: 'latest', allowReturnOutsideFunction: true });
  } catch (e) {
    return (e as { loc?: { line: number } }).loc?.line;
  }
  return undefined;
}

onMessage((e) => {
  const { code, inputs } = e.data as { code: string; inputs: Record<string, ColumnarData> };
  post(run(code, inputs));
});
