import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** "Add a step after this cell": a new node fed by this one. */
export function AddAfter({ id }: { id: string }) {
  const { store } = useServices();
  const t = useT();
  const [lang] = useLang();
  const registry = useStudio((s) => s.analyzer?.registry);
  if (!registry) return null;
  const types = [...registry.values()].filter((d) => d.inputs.length > 0);
  const add = (type: string) => {
    const s = store.getState();
    const def = registry.get(type);
    const r = s.dispatch('add-node', { type, after: { source: id, targetPort: def?.inputs[0]?.name ?? 'in' } });
    if (r.ok) {
      s.select([r.result as string]);
      s.inspect(r.result as string);
    }
  };
  return (
    <label className="add-after">
      + {t('notebook.addAfter')}
      <select value="" data-testid={`add-after-${id}`} onChange={(e) => e.target.value && add(e.target.value)}>
        <option value="">{t('nodes.addPlaceholder')}</option>
        {types.map((d) => (
          <option key={d.type} value={d.type}>
            {d.label[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
