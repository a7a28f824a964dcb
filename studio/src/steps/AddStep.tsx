import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** Adds a step fed by the selected node (or the last one): the notebook's "add a cell after". */
export function AddStep() {
  const { store } = useServices();
  const t = useT();
  const [lang] = useLang();
  const registry = useStudio((s) => s.analyzer?.registry);
  const hasNodes = useStudio((s) => s.doc.nodes.length > 0);
  if (!registry || !hasNodes) return null;
  const types = [...registry.values()].filter((d) => d.inputs.length > 0);
  const add = (type: string) => {
    const s = store.getState();
    const anchor = s.selection[0] ?? s.doc.nodes[s.doc.nodes.length - 1]?.id;
    const def = registry.get(type);
    const after = anchor && def?.inputs[0] ? { source: anchor, targetPort: def.inputs[0].name } : undefined;
    const r = s.dispatch('add-node', after ? { type, after } : { type });
    if (r.ok) {
      s.select([r.result]);
      s.inspect(r.result);
    }
  };
  return (
    <label className="add-step">
      {t('nodes.add')}
      <select
        value=""
        data-testid="add-step"
        onChange={(e) => {
          if (e.target.value) add(e.target.value);
        }}
      >
        <option value="">{t('nodes.addPlaceholder')}</option>
        {types.map((d) => (
          <option key={d.type} value={d.type}>
            {d.label[lang]} ({d.type})
          </option>
        ))}
      </select>
    </label>
  );
}
