import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';
import { dependencyOrder } from './dependency-order.ts';
import { NotebookCell } from './NotebookCell.tsx';
import './notebook.css';

/** The same document as cells in dependency order, each with its form and a preview of its output. */
export function Notebook() {
  const t = useT();
  const ids = useStudio(useShallow((s) => s.doc.nodes.map((n) => n.id)));
  const edges = useStudio((s) => s.doc.edges);
  const order = useMemo(() => dependencyOrder(ids, edges), [ids, edges]);
  if (order.length === 0) return <p className="empty">{t('nodes.empty')}</p>;
  return (
    <ol className="notebook" data-testid="notebook">
      {order.map((id, i) => (
        <NotebookCell key={id} id={id} index={i + 1} />
      ))}
    </ol>
  );
}
