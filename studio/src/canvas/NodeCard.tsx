import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { messageText, paramName } from '../node-view/issue-text.ts';
import { StatusBadge } from '../node-view/StatusBadge.tsx';
import type { StepNode } from './flow-model.ts';
import { PortBand } from './PortBand.tsx';
import { type PortDef, portRows } from './port-layout.ts';

const NO_PORTS: PortDef[] = [];

/** A node on the canvas: label, type, state (progress, rows and ms, error), one handle per named port. */
export const NodeCard = memo(function NodeCard({ id, selected }: NodeProps<StepNode>) {
  const [lang] = useLang();
  const label = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.label);
  const type = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.type ?? '');
  const def = useStudio((s) => s.analyzer?.registry.get(type));
  const run = useStudio((s) => s.nodeRuns[id]);
  const inputs = def?.inputs ?? NO_PORTS;
  const outputs = def?.outputs ?? NO_PORTS;
  const rows = portRows(inputs, outputs);
  // Handles appear when the node registry arrives (after a reload, the cards are drawn before it): React Flow
  // must measure them again, or an edge to an unchanged-size card is never drawn.
  const updateInternals = useUpdateNodeInternals();
  const ports = `${inputs.map((p) => p.name).join()}|${outputs.map((p) => p.name).join()}`;
  useEffect(() => {
    if (ports !== '|') updateInternals(id);
  }, [ports, id, updateInternals]);
  const state = run?.state ?? 'stale';
  return (
    <div
      className={`node-card node-${state}${selected ? ' node-selected' : ''}${rows ? ' node-multiport' : ''}`}
      data-node-id={id}
      data-category={def?.category}
    >
      {!rows &&
        inputs.map((p) => (
          <Handle key={p.name} type="target" id={p.name} position={Position.Left} title={p.label[lang]} />
        ))}
      <div className="node-title" title={label ?? def?.label[lang]}>
        {label ?? def?.label[lang] ?? type}
      </div>
      <div className="node-type">
        {id} · {def?.label[lang] ?? type}
      </div>
      <StatusBadge id={id} />
      {(state === 'error' || state === 'invalid') && run?.message && (
        <div className="node-message" title={run.message}>
          {run.param && !run.msg && def ? `${paramName(def.params, run.param, lang)}: ` : ''}
          {messageText(run, lang)}
        </div>
      )}
      {rows && <PortBand rows={rows} inputs={inputs} outputs={outputs} lang={lang} />}
      {run?.state === 'running' && run.progress !== undefined && (
        <div className="node-progress" style={{ width: `${Math.round(run.progress * 100)}%` }} />
      )}
      {!rows &&
        outputs.map((p) => (
          <Handle key={p.name} type="source" id={p.name} position={Position.Right} title={p.label[lang]} />
        ))}
    </div>
  );
});
