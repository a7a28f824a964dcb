import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { issueText } from '../node-view/issue-text.ts';
import { StatusBadge } from '../node-view/StatusBadge.tsx';
import type { StepNode } from './flow-model.ts';

const NO_PORTS: { name: string; label: { ko: string; en: string } }[] = [];

/** A node on the canvas: label, type, state (progress, rows and ms, error), one handle per named port. */
export const NodeCard = memo(function NodeCard({ id, selected }: NodeProps<StepNode>) {
  const [lang] = useLang();
  const label = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.label);
  const type = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.type ?? '');
  const def = useStudio((s) => s.analyzer?.registry.get(type));
  const run = useStudio((s) => s.nodeRuns[id]);
  const inputs = def?.inputs ?? NO_PORTS;
  const outputs = def?.outputs ?? NO_PORTS;
  const state = run?.state ?? 'stale';
  return (
    <div
      className={`node-card node-${state}${selected ? ' node-selected' : ''}`}
      data-node-id={id}
      data-category={def?.category}
    >
      {inputs.map((p, i) => (
        <Handle
          key={p.name}
          type="target"
          id={p.name}
          position={Position.Left}
          style={{ top: `${((i + 1) * 100) / (inputs.length + 1)}%` }}
          title={p.label[lang]}
        >
          {inputs.length > 1 && <span className="port-label port-in">{p.label[lang]}</span>}
        </Handle>
      ))}
      <div className="node-title" title={label ?? def?.label[lang]}>
        {label ?? def?.label[lang] ?? type}
      </div>
      <div className="node-type">
        {id} · {def?.label[lang] ?? type}
      </div>
      <StatusBadge id={id} />
      {run?.state === 'running' && run.progress !== undefined && (
        <div className="node-progress" style={{ width: `${Math.round(run.progress * 100)}%` }} />
      )}
      {(state === 'error' || state === 'invalid') && run?.message && (
        <div className="node-message" title={run.message}>
          {run.param ? `${run.param}: ` : ''}
          {issueText(run.message, lang)}
        </div>
      )}
      {outputs.map((p, i) => (
        <Handle
          key={p.name}
          type="source"
          id={p.name}
          position={Position.Right}
          style={{ top: `${((i + 1) * 100) / (outputs.length + 1)}%` }}
          title={p.label[lang]}
        >
          {outputs.length > 1 && <span className="port-label port-out">{p.label[lang]}</span>}
        </Handle>
      ))}
    </div>
  );
});
