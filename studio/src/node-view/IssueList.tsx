import { useStudio } from '../app/useStudio.ts';

/** Validation issues and the run error of one node, with the param at fault. */
export function IssueList({ id }: { id: string }) {
  const issues = useStudio((s) => s.analysis.issuesByNode[id]);
  const run = useStudio((s) => s.nodeRuns[id]);
  const lines = (issues ?? []).map((i) => (i.param ? `${i.param}: ${i.message}` : i.message));
  if (run?.state === 'error' && run.message) lines.push(run.param ? `${run.param}: ${run.message}` : run.message);
  if (lines.length === 0) return null;
  return (
    <ul className="issues" data-testid={`issues-${id}`}>
      {[...new Set(lines)].map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
