import { z } from 'zod';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { codeWidths, keyExpr, requireColumns } from './_model-io.ts';
import {
  addMonths,
  bestLag,
  etsForecast,
  type Forecast,
  monthRange,
  rollingZ,
  seasonalNaiveForecast,
} from './_trend-stats.ts';
import { dictionaryEntry, dictionaryTerms, keywordTerms, wordTerms } from './_trend-terms.ts';

const col = (port: string, ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const num = (ko: string, en: string, value: number, min: number, help?: { ko: string; en: string }) =>
  z
    .number()
    .min(min)
    .default(value)
    .meta({ label: { ko, en }, widget: 'number', ...(help ? { help } : {}) });

const params = z
  .object({
    date: col('texts', '날짜 열', 'Date column'),
    text: col('texts', '본문·제목 열', 'Text column'),
    keywords: col('texts', '키워드 열 (선택, ; 로 구분)', 'Keywords column (optional, ;-separated)').optional(),
    terms: z
      .enum(['words', 'dictionary'])
      .default('words')
      .meta({
        label: { ko: '용어 만들기', en: 'Terms from' },
        help: {
          ko: '글의 낱말(조사 제거), 또는 내부 시계열의 품목명 사전(HS 품목명이 글에 나오는지)',
          en: 'the words of the texts (particles dropped), or a dictionary of the item names of the internal series',
        },
        widget: 'select',
      }),
    seriesDate: col('series', '시계열 날짜 열', 'Series date column').optional(),
    seriesCode: col('series', 'HS 부호 열', 'HS code column').optional(),
    seriesName: col('series', '품목명 열 (선택)', 'Item name column (optional)').optional(),
    seriesValue: col('series', '값 열 (선택, 비우면 건수)', 'Value column (optional, empty = count)').optional(),
    window: num('기준 기간(개월)', 'Baseline window (months)', 6, 2, {
      ko: '이번 달을 그 전 몇 개월의 평균·표준편차와 비교할지',
      en: 'how many previous months form the baseline',
    }),
    zThreshold: num('경보 z', 'Alert z', 3, 0.5, {
      ko: '(이번 달 − 기준 평균) / 기준 표준편차가 이 값 이상이면 경보',
      en: 'alert when (this month − baseline mean) / baseline spread reaches this',
    }),
    minCount: num('최소 문서 수', 'Minimum documents', 3, 1, {
      ko: '한 달에 이 수 이상의 글에 나온 용어만 경보',
      en: 'a term must appear in at least this many texts in the month',
    }),
    minLag: num('최소 시차(개월)', 'Minimum lag (months)', 1, 0, {
      ko: '글이 수입보다 이만큼 먼저 나와야 연결합니다 (0 이면 같은 달도)',
      en: 'the texts must lead the imports by at least this many months (0 = same month too)',
    }),
    maxLag: num('최대 시차(개월)', 'Maximum lag (months)', 3, 0),
    minCorrelation: num('최소 상관계수', 'Minimum correlation', 0.5, 0, {
      ko: '품목명이 맞는 HS 가 없을 때 상관관계로 연결할 최소값',
      en: 'link by correlation only at or above this (when no item name matches)',
    }),
    scope: z
      .enum(['latest', 'all'])
      .default('latest')
      .meta({
        label: { ko: '경보 범위', en: 'Alert months' },
        help: {
          ko: '가장 최근 달만(일정 실행·경보용), 또는 모든 달(과거 점검용)',
          en: 'the latest month only (for schedules and alerts), or every month (back-testing)',
        },
        widget: 'select',
      }),
    method: z
      .enum(['ets', 'seasonal_naive'])
      .default('ets')
      .meta({ label: { ko: '예측 방법', en: 'Forecast method' }, widget: 'select' }),
    horizon: num('예측 기간(개월)', 'Forecast horizon (months)', 3, 1),
    output: z
      .enum(['issues', 'series'])
      .default('issues')
      .meta({
        label: { ko: '출력', en: 'Output' },
        help: {
          ko: '떠오르는 이슈 목록, 또는 용어·HS 월별 시계열과 예측(차트용)',
          en: 'the emerging-issue list, or the monthly term and HS series with forecasts (for charts)',
        },
        widget: 'select',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

export const ISSUE_COLUMNS: Column[] = [
  { name: 'month', type: 'VARCHAR' },
  { name: 'term', type: 'VARCHAR' },
  { name: 'docs', type: 'INTEGER' },
  { name: 'baseline', type: 'DOUBLE' },
  { name: 'z', type: 'DOUBLE' },
  { name: 'alert', type: 'BOOLEAN' },
  { name: 'linked_hs', type: 'VARCHAR' },
  { name: 'linked_name', type: 'VARCHAR' },
  { name: 'link_by', type: 'VARCHAR' },
  { name: 'lag', type: 'INTEGER' },
  { name: 'correlation', type: 'DOUBLE' },
  { name: 'forecast_month', type: 'VARCHAR' },
  { name: 'forecast', type: 'DOUBLE' },
  { name: 'forecast_low', type: 'DOUBLE' },
  { name: 'forecast_high', type: 'DOUBLE' },
  { name: 'actual', type: 'DOUBLE' },
  { name: 'example', type: 'VARCHAR' },
];

export const SERIES_COLUMNS: Column[] = [
  { name: 'kind', type: 'VARCHAR' },
  { name: 'key', type: 'VARCHAR' },
  { name: 'month', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'z', type: 'DOUBLE' },
  { name: 'forecast', type: 'DOUBLE' },
  { name: 'forecast_low', type: 'DOUBLE' },
  { name: 'forecast_high', type: 'DOUBLE' },
];

/** The longest text read per document: a report pasted whole must not stall term counting. */
const MAX_CHARS = 20_000;

interface Series {
  code: string;
  name: string;
  /** One value per month of the series axis. */
  values: number[];
}

interface Texts {
  months: string[];
  /** Term → documents per month. */
  counts: Map<string, number[]>;
  /** Term → month index → one text it appears in. */
  examples: Map<string, Map<number, string>>;
  /** Each document's month index and terms (for the terms a burst shares its documents with). */
  docs: { i: number; terms: Set<string> }[];
}

const monthExpr = (c: string) => `strftime(TRY_CAST(${ident(c)} AS DATE), '%Y-%m')`;

async function readSeries(engine: Engine, rel: string, p: Params, signal?: AbortSignal) {
  const code = p.seriesCode!;
  const widths = await codeWidths(engine, rel, [code], signal);
  const value = p.seriesValue ? `sum(TRY_CAST(${ident(p.seriesValue)} AS DOUBLE))` : 'count(*)';
  const name = p.seriesName ? `any_value(CAST(${ident(p.seriesName)} AS VARCHAR))` : 'NULL';
  const r = await engine.query(
    `SELECT ${monthExpr(p.seriesDate!)} AS m, ${keyExpr(code, widths[code])} AS c, ${name} AS n, (${value})::DOUBLE AS v
     FROM ${rel} WHERE ${monthExpr(p.seriesDate!)} IS NOT NULL AND ${ident(code)} IS NOT NULL GROUP BY 1, 2`,
    { signal },
  );
  return r.rows.map((row) => ({
    m: String(row.m),
    c: String(row.c),
    n: row.n == null ? '' : String(row.n),
    v: Number(row.v ?? 0),
  }));
}

function countTerms(
  rows: { m: string; t: string; k: string | null }[],
  months: string[],
  p: Params,
  dictionary: string[],
): Texts {
  const at = new Map(months.map((m, i) => [m, i]));
  const counts = new Map<string, number[]>();
  const examples = new Map<string, Map<number, string>>();
  const docs: Texts['docs'] = [];
  for (const row of rows) {
    const i = at.get(row.m);
    if (i === undefined) continue;
    const text = row.t.slice(0, MAX_CHARS);
    const terms = p.terms === 'dictionary' ? dictionaryTerms(text, dictionary) : wordTerms(text);
    if (row.k) for (const k of keywordTerms(row.k)) if (p.terms === 'words' || dictionary.includes(k)) terms.add(k);
    docs.push({ i, terms });
    for (const term of terms) {
      let c = counts.get(term);
      if (!c) {
        c = new Array(months.length).fill(0);
        counts.set(term, c);
        examples.set(term, new Map());
      }
      c[i]!++;
      const ex = examples.get(term)!;
      if (!ex.has(i)) ex.set(i, text.slice(0, 120));
    }
  }
  return { months, counts, examples, docs };
}

interface Link {
  code: string;
  name: string;
  by: string;
  lag: number;
  r: number;
}

/** The HS a term leads: among item names that match it first, else the best lagged correlation over all. */
function linkTerm(term: string, counts: number[], series: Series[], p: Params): Link | null {
  const named = series.filter((s) => {
    const e = dictionaryEntry(s.name);
    // A word of the name starts with the term (어린이 → 어린이용 스쿠터), or the term holds the whole name, spaces
    // aside (냉동새우 → 냉동 새우); not any substring (조기 in 냉동 참조기).
    const compact = e.replace(/\s+/g, '');
    return e.length >= 2 && (e.split(' ').some((w) => w.startsWith(term)) || term.includes(compact));
  });
  const pick = (pool: Series[]) => {
    let best: Link | null = null;
    for (const s of pool) {
      const b = bestLag(counts, s.values, p.maxLag, Math.min(p.minLag, p.maxLag));
      if (Number.isFinite(b.r) && (!best || b.r > best.r))
        best = { code: s.code, name: s.name, by: '', lag: b.lag, r: b.r };
    }
    return best;
  };
  const byName = pick(named);
  if (byName) return { ...byName, by: '품목명' };
  if (named.length) return { ...named[0]!, by: '품목명', lag: p.minLag, r: Number.NaN };
  const byCorr = pick(series);
  return byCorr && byCorr.r >= p.minCorrelation ? { ...byCorr, by: '상관관계' } : null;
}

/**
 * The term a burst is about: a word like 보졸레 or 크리스마스 bursts together with the item word of the same
 * stories (와인, 완구). The co-occurring term found in the most of this month's documents, when it is more
 * frequent than the term itself, lends its HS link, which is sturdier than a correlation of its own.
 */
function leadTerm(term: string, i: number, counted: Texts): string | null {
  const together = new Map<string, number>();
  for (const d of counted.docs)
    if (d.i === i && d.terms.has(term))
      for (const t of d.terms) if (t !== term) together.set(t, (together.get(t) ?? 0) + 1);
  const own = counted.counts.get(term)![i]!;
  let best: string | null = null;
  let bestMonth = own;
  for (const [t, n] of together) {
    const month = counted.counts.get(t)![i]!;
    if (n * 2 >= own && month > bestMonth) {
      best = t;
      bestMonth = month;
    }
  }
  return best;
}

function forecastOf(values: number[], h: number, p: Params): Forecast {
  return p.method === 'seasonal_naive' ? seasonalNaiveForecast(values, h) : etsForecast(values, h);
}

const round = (x: number, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

export const trendDetect = defineNode({
  type: 'model.trend_detect',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '이슈·트렌드 탐지', en: 'Issue and trend detection' },
  description: {
    ko: '날짜가 있는 글(뉴스·상담)에서 용어별 월간 건수를 세고, 최근 몇 달보다 급증한 용어(z 점수)를 경보합니다. 수입 시계열(HS별 건수·금액)과의 시차 상관으로 관련 HS 와 선행 개월을 찾고, 그 HS 수입을 구간과 함께 예측합니다.',
    en: 'Counts each term of dated texts (news, consultations) per month, alerts on terms that burst above their recent months (z-score), links each to the HS whose imports follow it (item names, then lagged correlation) and forecasts those imports with an interval.',
  },
  inputs: [
    { name: 'texts', label: { ko: '날짜가 있는 글', en: 'Dated texts' } },
    {
      name: 'series',
      label: { ko: '내부 시계열 (수입신고 등)', en: 'Internal series (declarations …)' },
      optional: true,
    },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const texts = inputs.texts?.[0];
    if (texts) {
      requireColumns(texts, [p.date, p.text, ...(p.keywords ? [p.keywords] : [])], 'text', 'texts');
    }
    const series = inputs.series?.[0];
    if (series) {
      const cols = [p.seriesDate, p.seriesCode, p.seriesName, p.seriesValue].filter((c): c is string => !!c);
      requireColumns(series, cols, 'seriesCode', 'series');
    }
    return p.output === 'series' ? SERIES_COLUMNS : ISSUE_COLUMNS;
  },
  run: async ({ engine, inputs, params: p, tableName, signal, progress }) => {
    const texts = inputs.texts?.[0];
    if (!texts)
      throw new ParamError(
        'connect the dated texts',
        'text',
        msg('node.model_connect', { what: { ko: '날짜가 있는 글', en: 'the dated texts' } }),
      );
    const seriesRel = inputs.series?.[0];
    if (seriesRel && (!p.seriesDate || !p.seriesCode))
      throw new ParamError(
        'choose the series date and HS code columns',
        !p.seriesDate ? 'seriesDate' : 'seriesCode',
        msg('node.model_choose_column', { field: setting(params, !p.seriesDate ? 'seriesDate' : 'seriesCode') }),
      );
    const kw = p.keywords ? `CAST(${ident(p.keywords)} AS VARCHAR)` : 'NULL';
    const r = await engine.query(
      `SELECT ${monthExpr(p.date)} AS m, CAST(${ident(p.text)} AS VARCHAR) AS t, ${kw} AS k FROM ${texts}`,
      { signal },
    );
    const rows = r.rows
      .map((row) => ({ m: row.m as string | null, t: String(row.t ?? '').trim(), k: (row.k as string | null) ?? null }))
      .filter((row) => row.t !== '' || row.k);
    if (rows.length === 0)
      throw new ParamError(
        `the text column "${p.text}" is empty`,
        'text',
        msg('node.text_empty', { column: p.text, field: setting(params, 'text') }),
      );
    const dated = rows.filter((row): row is { m: string; t: string; k: string | null } => !!row.m);
    if (dated.length === 0)
      throw new ParamError(
        `no value of "${p.date}" reads as a date`,
        'date',
        msg('node.text_no_dates', { column: p.date, field: setting(params, 'date') }),
      );
    const textMonths = dated.map((d) => d.m).sort();
    const months = monthRange(textMonths[0]!, textMonths[textMonths.length - 1]!);
    progress(0.1);

    // Internal series on an axis that starts with the texts and may run on after them (imports follow news).
    const series: Series[] = [];
    if (seriesRel) {
      const srows = await readSeries(engine, seriesRel, p, signal);
      const last = srows.reduce((mx, s) => (s.m > mx ? s.m : mx), months[months.length - 1]!);
      const axis = monthRange(months[0]!, last);
      const at = new Map(axis.map((m, i) => [m, i]));
      const byCode = new Map<string, Series>();
      for (const s of srows) {
        const i = at.get(s.m);
        if (i === undefined) continue;
        let e = byCode.get(s.c);
        if (!e) {
          e = { code: s.c, name: s.n, values: new Array(axis.length).fill(0) };
          byCode.set(s.c, e);
        }
        e.values[i] = s.v;
        if (!e.name && s.n) e.name = s.n;
      }
      series.push(...byCode.values());
    }
    if (p.terms === 'dictionary' && !series.some((s) => s.name))
      throw new ParamError(
        'the dictionary needs the item names of the internal series',
        'seriesName',
        msg('node.trend_needs_names', { field: setting(params, 'seriesName') }),
      );
    const dictionary = [...new Set(series.map((s) => dictionaryEntry(s.name)).filter((e) => e.length >= 2))];
    const counted = countTerms(dated, months, p, dictionary);
    progress(0.3);

    const latest = months.length - 1;
    const watch = p.zThreshold / 2;
    const issues: unknown[][] = [];
    const chosen = new Map<string, Link | null>();
    for (const [term, counts] of counted.counts) {
      if (counts.reduce((s, v) => s + v, 0) < p.minCount) continue;
      const zs = rollingZ(counts, p.window);
      for (let i = p.scope === 'latest' ? latest : 0; i <= latest; i++) {
        const z = zs[i]!;
        if (!(z >= watch) || counts[i]! < p.minCount) continue;
        const linkOf = (t: string) => {
          if (!chosen.has(t)) chosen.set(t, series.length ? linkTerm(t, counted.counts.get(t)!, series, p) : null);
          return chosen.get(t)!;
        };
        const own = linkOf(term);
        const lead = own?.by === '품목명' || !series.length ? null : leadTerm(term, i, counted);
        const lent = lead ? linkOf(lead) : null;
        const link = lent ? { ...lent, by: `함께 나온 "${lead}"` } : own;
        const past = counts.slice(Math.max(0, i - p.window), i);
        const baseline = past.reduce((s, v) => s + v, 0) / past.length;
        let fc: [string | null, number | null, number | null, number | null, number | null] = [
          null,
          null,
          null,
          null,
          null,
        ];
        if (link) {
          const s = series.find((x) => x.code === link.code)!;
          const ahead = Math.max(1, link.lag);
          const f = forecastOf(s.values.slice(0, i + 1), ahead, p);
          const actual = s.values[i + ahead];
          fc = [
            addMonths(months[i]!, ahead),
            round(f.mean[ahead - 1]!),
            round(f.low[ahead - 1]!),
            round(f.high[ahead - 1]!),
            actual ?? null,
          ];
        }
        issues.push([
          months[i],
          term,
          counts[i],
          round(baseline),
          round(z),
          z >= p.zThreshold,
          link?.code ?? null,
          link?.name || null,
          link?.by ?? null,
          link ? link.lag : null,
          link ? round(link.r) : null,
          ...fc,
          counted.examples.get(term)?.get(i) ?? null,
        ]);
      }
    }
    issues.sort((a, b) => String(b[0]).localeCompare(String(a[0])) || Number(b[4]) - Number(a[4]));
    progress(0.8);

    if (p.output === 'issues') {
      await engine.createTable(
        tableName,
        ISSUE_COLUMNS,
        ISSUE_COLUMNS.map((_, j) => issues.map((row) => row[j] ?? null)),
      );
    } else {
      await writeSeries(engine, tableName, counted, chosen, series, p);
    }
    const alerts = issues.filter((row) => row[5] === true).length;
    return {
      warnings: [
        {
          message: `${dated.length}건의 글, ${months.length}개월, 용어 ${counted.counts.size}개 → 경보 ${alerts}건 · ${dated.length} texts, ${months.length} months, ${counted.counts.size} terms → ${alerts} alert(s)`,
        },
      ],
    };
  },
});

/** The alerted terms' monthly counts and z, and their linked HS series with a forecast after the last month. */
async function writeSeries(
  engine: Engine,
  tableName: string,
  counted: Texts,
  chosen: Map<string, Link | null>,
  series: Series[],
  p: Params,
) {
  const rows: unknown[][] = [];
  const linked = new Set<string>();
  for (const [term, link] of chosen) {
    const counts = counted.counts.get(term)!;
    const zs = rollingZ(counts, p.window);
    counts.forEach((v, i) => {
      rows.push(['term', term, counted.months[i], v, round(zs[i]!), null, null, null]);
    });
    if (link) linked.add(link.code);
  }
  for (const code of linked) {
    const s = series.find((x) => x.code === code)!;
    const axis = monthRange(counted.months[0]!, addMonths(counted.months[0]!, s.values.length - 1));
    s.values.forEach((v, i) => {
      rows.push(['hs', code, axis[i], v, null, null, null, null]);
    });
    const f = forecastOf(s.values, p.horizon, p);
    for (let k = 0; k < p.horizon; k++)
      rows.push([
        'hs',
        code,
        addMonths(axis[axis.length - 1]!, k + 1),
        null,
        null,
        round(f.mean[k]!),
        round(f.low[k]!),
        round(f.high[k]!),
      ]);
  }
  await engine.createTable(
    tableName,
    SERIES_COLUMNS,
    SERIES_COLUMNS.map((_, j) => rows.map((row) => row[j] ?? null)),
  );
}
