/**
 * Issue/trend detection quality (issue 17): the shipped `issue-trends` template on the committed sample world
 * (600 news titles, 14 planted issue events, 20,000 declarations), scored against the generator's ground truth
 * (`planted_event` per news row, `EVENTS` with their HS6, burst month and lag). Also the forecast error of the
 * monthly HS6 import series, ETS vs seasonal naive vs last value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registry } from '../nodes/index.ts';
import { etsForecast, seasonalNaiveForecast } from '../nodes/model/_trend-stats.ts';
import { wordTerms } from '../nodes/model/_trend-terms.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import type { Engine } from '../runtime/engine/engine.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { EVENTS } from '../templates/generator/events.ts';
import { ROOT } from './data.ts';

const monthIndex = (m: string) => (Number(m.slice(0, 4)) - 2023) * 12 + Number(m.slice(5, 7)) - 1;

export interface TrendFigures {
  alerts: number;
  precision: number;
  baselineAlerts: number;
  baselinePrecision: number;
  detectable: number;
  detected: number;
  leadMean: number;
  leadMin: number;
  leadMax: number;
  linkTop: number;
  lagTop: number;
  linkAll: number;
  smape: { ets: number; seasonal: number; naive: number };
  coverage: number;
  ms: number;
}

export async function trendFigures(engine: Engine): Promise<TrendFigures> {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'templates/issue-trends.pipeline.json'), 'utf8'));
  const v = validatePipeline(doc, registry);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
  const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: ROOT, engine }));
  const t0 = performance.now();
  const result = await runtime.run(v.pipeline, { targets: ['issues'] });
  const took = performance.now() - t0;
  const issues = (await engine.query(`SELECT * FROM ${result.relations.get('issues')}`)).rows;
  const news = (
    await engine.query(
      `SELECT strftime(published_date, '%Y-%m') AS m, title_ko AS t, planted_event AS e
       FROM read_csv('${path.join(ROOT, 'templates/data/news.csv')}')`,
    )
  ).rows.map((r) => ({ m: String(r.m), terms: wordTerms(String(r.t)), e: (r.e as string | null) ?? null }));

  /** The planted event a (term, month) belongs to: a story of that event in that month uses the term. */
  const eventOf = (term: string, month: string) =>
    news.find((n) => n.e && n.m === month && n.terms.has(term))?.e ?? null;

  const alerts = issues.filter((r) => r.alert === true);
  const truth = alerts.map((a) => ({ a, e: eventOf(String(a.term), String(a.month)) }));
  const hits = truth.filter((t) => t.e);

  // Baseline: alert on every term found in ≥ 3 texts of a month (frequency, no history).
  const freq = new Map<string, number>();
  for (const n of news) for (const t of n.terms) freq.set(`${n.m}\u0000${t}`, (freq.get(`${n.m}\u0000${t}`) ?? 0) + 1);
  const naive = [...freq].filter(([, c]) => c >= 3).map(([k]) => k.split('\u0000') as [string, string]);
  const naiveHits = naive.filter(([m, t]) => eventOf(t, m)).length;

  // Events with at least two months of history before their burst (the z-score's minimum).
  const detectable = EVENTS.filter((e) => e.burstMonth >= 2);
  const leads: number[] = [];
  let linkTop = 0;
  let lagTop = 0;
  let detected = 0;
  for (const e of detectable) {
    const mine = hits.filter((h) => h.e === e.id);
    if (!mine.length) continue;
    detected++;
    const first = Math.min(...mine.map((h) => monthIndex(String(h.a.month))));
    leads.push(e.burstMonth + e.lag - first);
    const top = mine.reduce((b, h) => (Number(h.a.z) > Number(b.a.z) ? h : b));
    if (top.a.linked_hs === e.hs6) linkTop++;
    if (top.a.linked_hs === e.hs6 && Number(top.a.lag) === e.lag) lagTop++;
  }
  const linkAll = hits.filter((h) => EVENTS.find((e) => e.id === h.e)?.hs6 === h.a.linked_hs).length;

  // Forecast error: one step ahead over the last 6 months of every HS6 monthly declaration count.
  const monthly = (
    await engine.query(
      `SELECT hs6, strftime(declaration_date, '%Y-%m') AS m, count(*)::DOUBLE AS n
       FROM read_csv('${path.join(ROOT, 'templates/data/declarations.csv')}', types = {'hs6': 'VARCHAR'}) GROUP BY 1, 2`,
    )
  ).rows;
  const series = new Map<string, number[]>();
  for (const r of monthly) {
    const s = series.get(String(r.hs6)) ?? new Array(24).fill(0);
    s[monthIndex(String(r.m))] = Number(r.n);
    series.set(String(r.hs6), s);
  }
  const smape = { ets: 0, seasonal: 0, naive: 0 };
  let covered = 0;
  let count = 0;
  const err = (f: number, y: number) => (f + y === 0 ? 0 : (2 * Math.abs(f - y)) / (Math.abs(f) + Math.abs(y)));
  for (const s of series.values()) {
    for (let t = 18; t < 24; t++) {
      const past = s.slice(0, t);
      const ets = etsForecast(past, 1);
      smape.ets += err(ets.mean[0]!, s[t]!);
      smape.seasonal += err(seasonalNaiveForecast(past, 1).mean[0]!, s[t]!);
      smape.naive += err(past[past.length - 1]!, s[t]!);
      if (s[t]! >= ets.low[0]! && s[t]! <= ets.high[0]!) covered++;
      count++;
    }
  }
  return {
    alerts: alerts.length,
    precision: hits.length / Math.max(1, alerts.length),
    baselineAlerts: naive.length,
    baselinePrecision: naiveHits / Math.max(1, naive.length),
    detectable: detectable.length,
    detected,
    leadMean: leads.reduce((a, b) => a + b, 0) / Math.max(1, leads.length),
    leadMin: Math.min(...leads),
    leadMax: Math.max(...leads),
    linkTop,
    lagTop,
    linkAll: linkAll / Math.max(1, hits.length),
    smape: { ets: smape.ets / count, seasonal: smape.seasonal / count, naive: smape.naive / count },
    coverage: covered / count,
    ms: took,
  };
}
