import { useStudio } from '../app/useStudio.ts';
import { ClusterReview } from '../cluster/ClusterReview.tsx';
import { ExportSqlButton } from '../export/ExportSqlButton.tsx';
import { ParamsForm } from '../forms/ParamsForm.tsx';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { RunError } from './RunError.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Beside the canvas: the selected node's title, state and settings form. */
export function NodePanel() {
  const t = useT();
  const [lang] = useLang();
  const id = useStudio((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === id));
  const def = useStudio((s) => (node ? s.analyzer?.registry.get(node.type) : undefined));
  if (!id || !node) return <p className="empty">{t('form.selectNode')}</p>;
  return (
    <div className="node-panel" data-testid="node-panel">
      <div className="node-panel-head">
        <h2>{node.label ?? def?.label[lang] ?? node.type}</h2>
        <StatusBadge id={id} />
      </div>
      <p className="muted small">
        {id} · {def?.description[lang]}
      </p>
      <RunError id={id} />
      <ParamsForm key={id} id={id} />
      {node.type === 'prep.cluster_edit' && <ClusterReview key={id} id={id} />}
      <ExportSqlButton key={`sql-${id}`} nodeId={id} className="link" />
    </div>
  );
}
