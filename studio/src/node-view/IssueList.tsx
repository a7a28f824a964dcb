import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { ErrorText } from './ErrorText.tsx';
import { messageText, paramName } from './issue-text.ts';

/** Validation issues and the run error of one node, with the setting at fault named by its label. */
export function IssueList({ id }: { id: string }) {
  const [lang] = useLang();
  const issues = useStudio((s) => s.analysis.issuesByNode[id]);
  const run = useStudio((s) => s.nodeRuns[id]);
  const def = useStudio((s) => {
    const type = s.doc.nodes.find((n) => n.id === id)?.type;
    return type ? s.analyzer?.registry.get(type) : undefined;
  });
  const where = (param: string | undefined, hasMsg: boolean) =>
    param && !hasMsg && def ? `${paramName(def.params, param, lang)}: ` : '';
  const lines = (issues ?? []).map((i) => where(i.param, !!i.msg) + messageText(i, lang));
  const runError = run?.state === 'error' && run.message ? run : undefined;
  if (lines.length === 0 && !runError) return null;
  return (
    <ul className="issues" data-testid={`issues-${id}`}>
      {[...new Set(lines)].map((line) => (
        <li key={line}>{line}</li>
      ))}
      {runError && (
        <li>
          {where(runError.param, !!runError.msg)}
          <ErrorText id={id} item={runError} />
        </li>
      )}
    </ul>
  );
}
