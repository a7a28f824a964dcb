import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { ErrorText } from './ErrorText.tsx';
import { paramName } from './issue-text.ts';

/**
 * The selected node's run error under its title (validation issues are shown at their fields by the form): the
 * setting at fault by its label, the error in words, the engine's original on demand.
 */
export function RunError({ id }: { id: string }) {
  const [lang] = useLang();
  const run = useStudio((s) => s.nodeRuns[id]);
  const def = useStudio((s) => {
    const type = s.doc.nodes.find((n) => n.id === id)?.type;
    return type ? s.analyzer?.registry.get(type) : undefined;
  });
  if (run?.state !== 'error' || !run.message) return null;
  return (
    <div className="run-error-box" role="alert" data-testid={`run-error-${id}`}>
      {run.param && !run.msg && def && <strong>{paramName(def.params, run.param, lang)}: </strong>}
      <ErrorText id={id} item={run} />
    </div>
  );
}
