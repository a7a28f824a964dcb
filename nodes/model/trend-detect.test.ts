import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { rollingZ } from './_trend-stats.ts';
import { wordTerms } from './_trend-terms.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/** A small seeded generator (mulberry32), so the planted data is the same on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
const BACKGROUND = ['원심펌프', '면직물', '냉동새우', '캐러멜', '볼트', '타이어', '유리병', '합판'];

/**
 * 12 months of news: 10 background titles a month about random items; in month 8 (index 7) a burst of 8 titles
 * about 요소수. Declarations: 6 a month for each of 4 HS6 codes, and 3.5 × that for 310210 (요소) in month 9 —
 * the import spike one month after the news burst.
 */
function planted() {
  const r = rng(7);
  const news: unknown[][] = [];
  MONTHS.forEach((m, i) => {
    for (let k = 0; k < 10; k++) {
      const item = BACKGROUND[Math.floor(r() * BACKGROUND.length)]!;
      news.push([`${m}-${String(1 + Math.floor(r() * 27)).padStart(2, '0')}`, `${item} 수입 동향 점검 ${k}호`]);
    }
    if (i === 7)
      for (let k = 0; k < 8; k++) news.push([`${m}-1${k}`, `요소수 품귀에 업계 비상, 요소 수입선 찾기 ${k}`]);
  });
  const decl: unknown[][] = [];
  const codes: [string, string][] = [
    ['310210', '요소'],
    ['841370', '원심펌프'],
    ['520842', '면 평직물'],
    ['030617', '냉동새우'],
  ];
  MONTHS.forEach((m, i) => {
    for (const [code, name] of codes) {
      const n = code === '310210' && i === 8 ? 21 : 5 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) decl.push([`${m}-15`, code, name]);
    }
  });
  return { news, decl };
}

async function run(params: Record<string, unknown>, news: unknown[][], decl?: unknown[][]) {
  const nodes = [
    { id: 'news', type: 'test.values', params: values(['day', 'title'], news) },
    { id: 't', type: 'model.trend_detect', params },
  ];
  const edges: { source: string; target: string; targetPort?: string }[] = [
    { source: 'news', target: 't', targetPort: 'texts' },
  ];
  if (decl) {
    nodes.splice(1, 0, { id: 'decl', type: 'test.values', params: values(['day', 'hs6', 'name'], decl) });
    edges.push({ source: 'decl', target: 't', targetPort: 'series' });
  }
  const p = resolve(doc(nodes, edges), nodeDefinitions);
  const runtime = runtimeFor(engine, nodeDefinitions);
  const status = (await runtime.run(p, { targets: ['t'] })).nodes.find((s) => s.nodeId === 't');
  if (status?.error) return { error: status.error, rows: [] };
  return { error: null, rows: (await runtime.preview(p, 't', { limit: 1000 })).rows };
}

const SERIES = { seriesDate: 'day', seriesCode: 'hs6', seriesName: 'name' };

describe('model.trend_detect', () => {
  it('alerts on the planted burst only, links it to the HS whose imports follow a month later', async () => {
    const { news, decl } = planted();
    const { rows, error } = await run({ date: 'day', text: 'title', scope: 'all', ...SERIES }, news, decl);
    expect(error).toBeNull();
    const alerts = rows.filter((r) => r.alert === true);
    // The burst words of month 8 (요소수, 품귀, 비상 …) and nothing from the steady background.
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.filter((a) => a.month !== '2024-08').map((a) => [a.month, a.term, a.docs, a.baseline, a.z])).toEqual(
      [],
    );
    const urea = alerts.find((a) => a.term === '요소수')!;
    expect(urea).toMatchObject({ docs: 8, linked_hs: '310210', lag: 1, forecast_month: '2024-09', actual: 21 });
    // 8 mentions against a baseline of 0 → z = 8 / max(0, √(0 + 1)) = 8.
    expect(urea.z).toBe(8);
    // The spike lies above the ETS interval made from the months before it: the alert foresaw something new.
    expect(Number(urea.actual)).toBeGreaterThan(Number(urea.forecast_high));
    // Baseline to beat: alerting on every term seen in ≥ 3 texts of a month (no history) fires on the
    // background items every month, so its precision is at most 3 burst words out of ~10 terms.
    const naive = new Set(news.flatMap((n) => [...wordTerms(String(n[1]))]));
    expect(naive.size).toBeGreaterThan(alerts.length);
  });

  it('latest-month scope lists only the last month (what a schedule watches)', async () => {
    const { news, decl } = planted();
    const { rows } = await run({ date: 'day', text: 'title', ...SERIES }, news, decl);
    expect(rows.every((r) => r.month === '2024-12')).toBe(true);
    expect(rows.filter((r) => r.alert === true)).toEqual([]);
  });

  it('series output gives the linked HS with a forecast interval after the last month', async () => {
    const { news, decl } = planted();
    const { rows } = await run({ date: 'day', text: 'title', scope: 'all', output: 'series', ...SERIES }, news, decl);
    const ahead = rows.filter((r) => r.kind === 'hs' && r.key === '310210' && r.value === null);
    expect(ahead.map((r) => r.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    for (const r of ahead) expect(Number(r.forecast_low)).toBeLessThanOrEqual(Number(r.forecast_high));
  });

  it('rolling z: a steady series scores near 0, a jump scores high, too little history is NaN', () => {
    const z = rollingZ([4, 5, 4, 5, 4, 20], 4);
    expect(z[0]).toBeNaN();
    expect(Math.abs(z[4]!)).toBeLessThan(1);
    // mean 4.5, spread 0.5 < √5.5: (20 − 4.5) / √5.5
    expect(z[5]).toBeCloseTo(15.5 / Math.sqrt(5.5), 9);
  });

  it('says bad input in Korean: empty text, dates that are not dates; numbers-only and long mixed text run', async () => {
    const empty = await run({ date: 'day', text: 'title' }, [
      ['2024-01-01', ''],
      ['2024-02-01', '   '],
    ]);
    expect(renderMessage(empty.error!.msg!, 'ko')).toBe(
      '‹본문·제목 열›의 "title" 열에 글이 없습니다. 글이 들어 있는 열을 고르세요',
    );
    const undated = await run({ date: 'day', text: 'title' }, [['어제', '요소수 품귀']]);
    expect(renderMessage(undated.error!.msg!, 'ko')).toContain('날짜를 읽을 수 없습니다');
    const long = `${'Urea 요소수 尿素 shortage 품귀 '.repeat(5000)}`;
    const odd = await run({ date: 'day', text: 'title', scope: 'all', minCount: 1 }, [
      ['2024-01-01', '12345 678'],
      ['2024-02-01', long],
      ['2024-03-01', long],
    ]);
    expect(odd.error).toBeNull();
    const needs = await run({ date: 'day', text: 'title', terms: 'dictionary' }, [['2024-01-01', '요소수']]);
    expect(renderMessage(needs.error!.msg!, 'ko')).toContain('품목명 사전을 쓰려면');
  });
});
