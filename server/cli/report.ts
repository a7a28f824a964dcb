import type { Issue } from '../../runtime/errors.ts';
import { formatIssue } from '../../runtime/errors.ts';
import type { NodeStatus, RunResult } from '../../runtime/execute/events.ts';
import { type Message, renderMessage } from '../../runtime/messages/render.ts';

export interface OutputWritten {
  nodeId: string;
  path: string;
  rows: number;
}

const count = new Intl.NumberFormat('en-US');

/** Korean first, then English, where the runtime said it in the officer's words; else its English text. */
export function bilingual(english: string, said: Message | undefined): string {
  if (!said) return english;
  const ko = renderMessage(said, 'ko');
  const en = renderMessage(said, 'en');
  return ko === en ? en : `${ko} · ${en}`;
}

/** One validation issue as the command line prints it: where, then what, Korean first. */
export function issueLine(issue: Issue): string {
  return `invalid: ${formatIssue({ ...issue, message: bilingual(issue.message, issue.msg) })}`;
}

export function nodeLine(status: NodeStatus, type: string): string {
  const mark = { done: '✓', error: '✗', skipped: '-', cancelled: '■' }[status.state];
  const what =
    status.state === 'error'
      ? `error: ${bilingual(status.error?.message.split('\n')[0] ?? '', status.error?.msg)}`
      : status.state !== 'done'
        ? status.state + (status.reason ? ` (${status.reason})` : '')
        : status.fusedInto
          ? `fused into ${status.fusedInto}`
          : `${status.rows === null ? '' : `${count.format(status.rows)} rows`}${status.cached ? ', cache hit' : ''}`;
  const time = status.fusedInto || status.cached || status.state !== 'done' ? '' : `  ${Math.round(status.ms)} ms`;
  const lines = [`${mark} ${status.nodeId.padEnd(18)} ${type.padEnd(16)} ${what}${time}`];
  for (const w of status.warnings) lines.push(`    warning: ${w.message}`);
  return lines.join('\n');
}

export function jsonSummary(
  pipeline: string,
  result: RunResult | undefined,
  types: Map<string, string>,
  outputs: OutputWritten[],
  issues: Issue[] = [],
) {
  return {
    ok: issues.length === 0 && (result?.ok ?? true),
    pipeline,
    issues: issues.map((i) => ({ ...i, text: formatIssue(i) })),
    ms: result ? Math.round(result.ms) : 0,
    nodes: (result?.nodes ?? []).map((n) => ({
      id: n.nodeId,
      type: types.get(n.nodeId),
      state: n.state,
      rows: n.rows,
      ms: Math.round(n.ms),
      cached: n.cached,
      fusedInto: n.fusedInto ?? null,
      error: n.error ? { message: n.error.message, phase: n.error.phase, param: n.error.param ?? null } : null,
      reason: n.reason ?? null,
      warnings: n.warnings,
    })),
    outputs,
  };
}
