import { useEffect, useMemo, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { evaluate } from '../../../nodes/model/evaluate.ts';
import type { Row } from '../../../runtime/schema/types.ts';
import { ChartView } from '../chart/ChartView.tsx';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { atKSpec, confusionSpec, EVAL_TEXT, prSpec, rocSpec } from './evaluation-specs.ts';
import { MetricCards } from './MetricCards.tsx';
import '../chart/chart.css';
import './evaluate.css';

type PortRows = Record<'out' | 'roc' | 'pr' | 'confusion', Row[]>;
const PORTS = ['out', 'roc', 'pr', 'confusion'] as const;

/**
 * The evaluation chunk (loaded lazily with Vega): each output port drawn as what its name says — the metrics
 * as cards and an at-k chart, ROC and PR as curves, the confusion matrix as a heatmap. Each port's rows are
 * the node's own port SELECT over its result, so the pictures show exactly what a connected node would read.
 */
export default function EvaluationCharts(props: { nodeId: string; relation: string }) {
  const { nodeId, relation } = props;
  const [lang] = useLang();
  const engine = useEngine();
  const [data, setData] = useState<{ relation: string; rows: PortRows }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ports = evaluate.outputPorts;
    if (!engine || !ports) return;
    let live = true;
    setError(undefined);
    Promise.all(PORTS.map((p) => engine.query(ports[p]!.sql(relation)).then((r) => r.rows))).then(
      ([out, roc, pr, confusion]) =>
        live && setData({ relation, rows: { out: out!, roc: roc!, pr: pr!, confusion: confusion! } }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [engine, relation]);
  const rows = data?.relation === relation ? data.rows : undefined;
  const specs = useMemo(
    () =>
      rows && {
        atK: atKSpec(rows.out, lang),
        roc: rocSpec(rows.roc, lang),
        pr: prSpec(rows.pr, lang),
        confusion: confusionSpec(rows.confusion, lang),
      },
    [rows, lang],
  );
  if (error) return <p className="error">{error}</p>;
  if (!rows || !specs) return <p className="waiting">{EVAL_TEXT.loading[lang]}</p>;
  if (rows.out.length === 0) return <p className="empty">{EVAL_TEXT.noRows[lang]}</p>;
  const chart = (port: string, spec: TopLevelSpec, name: string) => (
    <section className="eval-chart" data-port={port}>
      <ChartView nodeId={`${nodeId}:${port}`} spec={spec} name={name} />
    </section>
  );
  return (
    <div className="eval-panel" data-testid="eval-panel">
      <MetricCards rows={rows.out} />
      <div className="eval-charts">
        {chart('out', specs.atK, EVAL_TEXT.atK[lang])}
        {chart('roc', specs.roc, EVAL_TEXT.roc[lang])}
        {chart('pr', specs.pr, EVAL_TEXT.pr[lang])}
        {chart('confusion', specs.confusion, EVAL_TEXT.confusion[lang])}
      </div>
    </div>
  );
}
