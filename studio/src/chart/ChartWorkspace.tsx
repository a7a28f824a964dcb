import { useEffect, useMemo, useState } from 'react';
import { chartParams } from '../../../nodes/chart/params.ts';
import { chartSpec } from '../../../nodes/chart/spec.ts';
import type { Row } from '../../../runtime/schema/types.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { ChartBuilder } from './ChartBuilder.tsx';
import { ChartView } from './ChartView.tsx';
import { TEXT } from './chart-labels.ts';
import './chart.css';

/** More than the node ever outputs (its rows are aggregates or a 5,000-row sample): a guard, not a cut. */
const MAX_ROWS = 50_000;

/** The chart chunk (loaded lazily): encoding shelves beside the chart of the node's aggregated rows. */
export default function ChartWorkspace(props: { nodeId: string; relation?: string }) {
  const { nodeId, relation } = props;
  const [lang] = useLang();
  const engine = useEngine();
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const columns = useStudio((s) => s.analysis.inputSchemas[nodeId]?.in?.[0]);
  const [rows, setRows] = useState<{ relation: string; rows: Row[] }>();
  useEffect(() => {
    if (!engine || !relation) return;
    let live = true;
    engine.query(`SELECT * FROM ${relation} LIMIT ${MAX_ROWS}`).then(
      (r) => live && setRows({ relation, rows: r.rows }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [engine, relation]);
  const parsed = useMemo(() => chartParams.safeParse(node?.params ?? {}), [node?.params]);
  const spec = useMemo(() => {
    if (!parsed.success || !columns || !rows || rows.relation !== relation) return undefined;
    try {
      const s = chartSpec(parsed.data, columns, rows.rows);
      // The inspector is short: a flatter chart unless it is faceted (each facet sets its own size).
      return parsed.data.facet ? s : { ...s, width: 520, height: 220 };
    } catch {
      return undefined; // the node card and the params form already show the ParamError
    }
  }, [parsed, columns, rows, relation]);
  if (!node || !parsed.success) return null;
  return (
    <div className="chart-panel" data-testid="chart-panel">
      {columns ? (
        <ChartBuilder nodeId={nodeId} params={parsed.data} columns={columns} />
      ) : (
        <p className="muted">{TEXT.noInput[lang]}</p>
      )}
      {spec ? (
        <ChartView nodeId={nodeId} spec={spec} name={node.label ?? node.id} />
      ) : (
        relation && <p className="waiting">{TEXT.loading[lang]}</p>
      )}
    </div>
  );
}
