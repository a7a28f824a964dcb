import { useEffect, useRef, useState } from 'react';
import { expressionFunction, timeFormatLocale, type View } from 'vega';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { registerKoreanFormats } from '../../../nodes/chart/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { TEXT } from './chart-labels.ts';
import { download, fileBase } from './download.ts';

registerKoreanFormats({ expressionFunction, timeFormatLocale });

declare global {
  interface Window {
    /** Live Vega views by chart node id, for end-to-end tests and the browser console. */
    __charts?: Record<string, View>;
  }
}

/** Draws a Vega-Lite spec as SVG with vega-embed, with PNG / SVG export of exactly what is shown. */
export function ChartView(props: { nodeId: string; spec: TopLevelSpec; name: string }) {
  const { nodeId, spec, name } = props;
  const [lang] = useLang();
  const host = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ view: View; spec: TopLevelSpec }>();
  // The previous chart's view until this spec is drawn: exports and tests must not see it.
  const view = drawn?.spec === spec ? drawn.view : undefined;
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!host.current) return;
    let live = true;
    let finalize = () => {};
    setError(undefined);
    // The studio's CSP forbids eval: Vega interprets its expressions instead of compiling them to functions.
    embed(host.current, spec, { renderer: 'svg', actions: false, ast: true, expr: expressionInterpreter }).then(
      (result) => {
        finalize = () => result.finalize();
        if (!live) return finalize();
        window.__charts = { ...window.__charts, [nodeId]: result.view };
        setDrawn({ view: result.view, spec });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      finalize();
      if (window.__charts) delete window.__charts[nodeId];
    };
  }, [nodeId, spec]);
  const save = async (format: 'png' | 'svg') => {
    if (!view) return;
    // Twice the pixels for PNG: sharp in slides and reports.
    const url = await view.toImageURL(format, format === 'png' ? 2 : 1);
    download(url, `${fileBase(name)}.${format}`);
  };
  return (
    <div className="chart-view">
      <div className="chart-actions">
        <button
          type="button"
          className="small"
          data-testid="chart-png"
          disabled={!view}
          onClick={() => void save('png')}
        >
          {TEXT.png[lang]}
        </button>
        <button
          type="button"
          className="small"
          data-testid="chart-svg"
          disabled={!view}
          onClick={() => void save('svg')}
        >
          {TEXT.svg[lang]}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      <div
        ref={host}
        className="chart-canvas"
        data-testid="chart"
        data-node={nodeId}
        data-ready={view ? 'true' : undefined}
      />
    </div>
  );
}
