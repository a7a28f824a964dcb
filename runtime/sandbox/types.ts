/** Column-major data as it crosses into and out of a sandbox (structured-clone friendly). */
export interface ColumnarData {
  columns: string[];
  /** One array per column, same order as `columns`. */
  data: unknown[][];
}

export interface JsSandboxRequest {
  /** The body of a function of `inputs` (Arquero tables by name) and `aq` (Arquero's API). */
  code: string;
  inputs: Record<string, ColumnarData>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Runs user JavaScript away from the network, the file system and the page; see `README.md`. */
export interface JsSandbox {
  run(request: JsSandboxRequest): Promise<ColumnarData>;
}

export type SandboxErrorKind = 'syntax' | 'runtime' | 'timeout' | 'aborted' | 'result' | 'memory';

/** A failure of the user's code, with the 1-based line in the user's code when known. */
export class SandboxError extends Error {
  constructor(
    message: string,
    readonly kind: SandboxErrorKind,
    readonly line?: number,
  ) {
    super(line ? `${message} (line ${line})` : message);
    this.name = 'SandboxError';
  }
}

/** What a worker posts back: the result or a serialisable error. */
export type SandboxReply =
  | { ok: true; result: ColumnarData }
  | { ok: false; message: string; kind: SandboxErrorKind; line?: number };

/** The file name the user code is compiled under, so stack frames can be mapped back to its lines. */
export const USER_FILE = 'user-code.js';

/** The 1-based user line from an error stack or message naming `USER_FILE`, if any. */
export function userLine(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = new RegExp(`${USER_FILE.replace('.', '\\.')}:(\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
}
