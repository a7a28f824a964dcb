import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { ParamsForm } from '../forms/ParamsForm.tsx';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { StatusBadge } from '../node-view/StatusBadge.tsx';
import { AddAfter } from './AddAfter.tsx';
import { CellError } from './CellError.tsx';
import { CellPreview } from './CellPreview.tsx';

/** One cell: title, inputs, state; its error; the form; the first rows of its output; "add a step after this cell". */
export function NotebookCell({ id, index }: { id: string; index: number }) {
  const { store } = useServices();
  const t = useT();
  const [lang] = useLang();
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === id));
  const def = useStudio((s) => (node ? s.analyzer?.registry.get(node.type) : undefined));
  const inputs = useStudio((s) =>
    s.doc.edges
      .filter((e) => e.target === id)
      .map((e) => e.source)
      .join(', '),
  );
  const inspected = useStudio((s) => s.inspected === id);
  const [cell, setCell] = useState<HTMLLIElement | null>(null);
  if (!node) return null;
  const open = () => {
    store.getState().select([id]);
    store.getState().inspect(id);
  };
  return (
    <li className={`cell${inspected ? ' cell-inspected' : ''}`} data-node-id={id} ref={setCell}>
      <div className="cell-head">
        <span className="cell-index">[{index}]</span>
        <button type="button" className="cell-title" onClick={open} title={t('nodes.inspect')}>
          <strong>{node.label ?? def?.label[lang] ?? node.type}</strong>
          <span className="muted small">
            {' '}
            {id} · {def?.label[lang] ?? node.type}
            {inputs && ` ← ${inputs}`}
          </span>
        </button>
        <StatusBadge id={id} />
        <button
          type="button"
          className="link danger"
          onClick={() => store.getState().dispatch('remove-nodes', { ids: [id] })}
        >
          {t('nodes.delete')}
        </button>
      </div>
      <CellError id={id} cell={cell} />
      <ParamsForm id={id} />
      <CellPreview id={id} hasOutput={(def?.outputs.length ?? 0) > 0} />
      {def && def.outputs.length > 0 && <AddAfter id={id} />}
    </li>
  );
}
