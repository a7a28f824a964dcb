import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Column } from '../../../runtime/schema/types.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { messageText, paramName } from '../node-view/issue-text.ts';
import { describeSchema } from './describe-schema.ts';
import { type FormApi, FormContext } from './FormContext.ts';
import { JsonParams } from './JsonParams.tsx';
import { ObjectFields } from './ObjectFields.tsx';
import './forms.css';

const EMPTY: Column[] = [];

/** The settings form of one node, generated from its params schema; "advanced" shows the raw JSON. */
export function ParamsForm({ id }: { id: string }) {
  const { store } = useServices();
  const t = useT();
  const [lang] = useLang();
  const [advanced, setAdvanced] = useState(false);
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === id));
  const def = useStudio((s) => (node ? s.analyzer?.registry.get(node.type) : undefined));
  const issues = useStudio((s) => s.analysis.issuesByNode[id]);
  const inputs = useStudio((s) => s.analysis.inputSchemas[id]);
  const relations = useStudio(useShallow((s) => s.doc.edges.filter((e) => e.target === id).map((e) => e.source)));
  const spec = useMemo(() => (def ? describeSchema(def.params as never) : undefined), [def]);
  const api = useMemo<FormApi>(
    () => ({
      nodeId: id,
      nodeType: node?.type ?? '',
      lang,
      relations,
      set: (path, value) =>
        store.getState().dispatch('update-params', { id, set: { [path]: value } }, { squash: `typing:${id}:${path}` }),
      columns: (port) => inputs?.[port ?? 'in']?.find((s) => s !== undefined) ?? EMPTY,
      issues: (path) => [
        ...new Set((issues ?? []).filter((i) => (i.param ?? '') === path).map((i) => messageText(i, lang))),
      ],
    }),
    [id, node?.type, lang, relations, store, inputs, issues],
  );
  if (!node || !spec) return null;
  const topKeys = new Set(spec.fields?.map((f) => f.key));
  const loose = (issues ?? []).filter((i) => !i.param || !topKeys.has(i.param.split('.')[0]!));
  return (
    <FormContext.Provider value={api}>
      <form className="params-form nokey" data-testid={`form-${id}`} onSubmit={(e) => e.preventDefault()}>
        {loose.length > 0 && (
          <ul className="issues">
            {loose.map((i) => (
              <li key={`${i.param}:${i.message}`}>
                {i.param && !i.msg && def ? `${paramName(def.params, i.param, lang)}: ` : ''}
                {messageText(i, lang)}
              </li>
            ))}
          </ul>
        )}
        {advanced ? (
          <JsonParams id={id} />
        ) : spec.kind === 'object' ? (
          <ObjectFields fields={spec.fields ?? []} path="" value={node.params ?? {}} />
        ) : (
          <JsonParams id={id} />
        )}
        <label className="advanced-toggle small muted">
          <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
          {t('form.advanced')}
        </label>
      </form>
    </FormContext.Provider>
  );
}
