import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { IssueList } from './IssueList.tsx';
import { ParamsEditor } from './ParamsEditor.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** One node: label, type, inputs, state; selecting it opens its settings and shows its result below. */
export function StepRow({ id }: { id: string }) {
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
  const selected = useStudio((s) => s.selection.includes(id));
  const inspected = useStudio((s) => s.inspected === id);
  if (!node) return null;
  const s = store.getState;
  const open = () => {
    s().select([id]);
    s().inspect(id);
  };
  return (
    <li className={`step${selected ? ' step-selected' : ''}${inspected ? ' step-inspected' : ''}`} data-node-id={id}>
      <div className="step-line">
        <button type="button" className="step-title" onClick={open} title={t('nodes.inspect')}>
          <strong>{node.label ?? def?.label[lang] ?? node.type}</strong>
          <span className="muted small">
            {' '}
            {id} · {def?.label[lang] ?? node.type}
            {inputs && ` ← ${inputs}`}
          </span>
        </button>
        <StatusBadge id={id} />
        <button type="button" className="link danger" onClick={() => s().dispatch('remove-nodes', { ids: [id] })}>
          {t('nodes.delete')}
        </button>
      </div>
      <IssueList id={id} />
      {selected && <ParamsEditor id={id} />}
    </li>
  );
}
