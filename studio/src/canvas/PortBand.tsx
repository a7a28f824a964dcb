import { Handle, Position } from '@xyflow/react';
import type { Lang } from '../i18n/lang-store.ts';
import { labelled, type PortDef, type PortRow } from './port-layout.ts';

/** Tooltip of a port: its label and, when they differ, the name the document and SQL use. */
function portTitle(p: PortDef, lang: Lang): string {
  return p.label[lang] === p.name ? p.name : `${p.label[lang]} (${p.name})`;
}

/**
 * The ports of a node with several inputs or outputs: one row per port under the title, each handle on the
 * card's edge at its row, its label beside it, cut short with an ellipsis (the tooltip has it whole).
 */
export function PortBand({
  rows,
  inputs,
  outputs,
  lang,
}: {
  rows: PortRow[];
  inputs: readonly PortDef[];
  outputs: readonly PortDef[];
  lang: Lang;
}) {
  const showIn = labelled(inputs);
  const showOut = labelled(outputs);
  return (
    <div className="port-band">
      {rows.map((row, i) => (
        <div className="port-row" key={`${row.input?.name ?? ''}|${row.output?.name ?? i}`}>
          {row.input && (
            <>
              <Handle type="target" id={row.input.name} position={Position.Left} title={portTitle(row.input, lang)} />
              {showIn && (
                <span className="port-label port-in" title={portTitle(row.input, lang)} data-port={row.input.name}>
                  {row.input.label[lang]}
                </span>
              )}
            </>
          )}
          {row.output && (
            <>
              {showOut && (
                <span className="port-label port-out" title={portTitle(row.output, lang)} data-port={row.output.name}>
                  {row.output.label[lang]}
                </span>
              )}
              <Handle
                type="source"
                id={row.output.name}
                position={Position.Right}
                title={portTitle(row.output, lang)}
              />
            </>
          )}
        </div>
      ))}
    </div>
  );
}
