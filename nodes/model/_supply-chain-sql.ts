import { ident, literal, stringLiteral } from '../../runtime/sql/quote.ts';

/** The stages a declaration passes, in flow order; origin and departure are always there. */
export const STAGES = ['origin', 'departure', 'office', 'importer', 'hs'] as const;
export type Stage = (typeof STAGES)[number];

/** Anomaly codes, in the order the anomaly table lists them, with the officer's name for each. */
export const ANOMALIES = {
  circumvention: '원산지≠출발국 + FTA 신청 (우회수입 의심)',
  new_route: '신규 경로',
  volume_shift: '물량 급변',
  departure_differs: '원산지≠출발국 (전체, 참고)',
  any: '이상 경로 전체',
} as const;
export type Anomaly = keyof typeof ANOMALIES;

/** What stands in for the stage values outside the top N, so the Sankey stays readable. */
export const OTHER = '기타';

export interface SupplyChainOptions {
  relation: string;
  /** Chosen stage columns; `origin` and `departure` are required by the node. */
  columns: Partial<Record<Stage, string>>;
  /** Keep this many leading digits of the HS code (2 = chapter). */
  hsDigits: number;
  /** Declared value column; without it every weight is a count. */
  value?: string;
  /** Sankey widths and volume shifts by the value column or by the number of declarations. */
  measure: 'value' | 'count';
  fta?: string;
  fraud?: string;
  date: string;
  /** First day (YYYY-MM-DD) of the analysed period; earlier rows are the reference. Default: 1 January of the last year. */
  since?: string;
  period: 'month' | 'quarter';
  topPerStage: number;
  zThreshold: number;
  minPeriods: number;
  minRows: number;
  chain?: { relation: string; seller: string; buyer: string; amount?: string; drawback?: string };
}

/**
 * The node's one wide result: `part` says which output port a row belongs to (flow, route, anomaly, summary,
 * chain);
 * each port selects its columns (see `supply-chain-flows.ts`).
 */
export const WIDE: [string, string][] = [
  ['part', 'VARCHAR'],
  ['source_stage', 'VARCHAR'],
  ['source', 'VARCHAR'],
  ['target_stage', 'VARCHAR'],
  ['target', 'VARCHAR'],
  ['anomaly', 'VARCHAR'],
  ['anomaly_ko', 'VARCHAR'],
  ['origin', 'VARCHAR'],
  ['departure', 'VARCHAR'],
  ['office', 'VARCHAR'],
  ['importer', 'VARCHAR'],
  ['period', 'VARCHAR'],
  ['seller', 'VARCHAR'],
  ['buyer', 'VARCHAR'],
  ['weight', 'DOUBLE'],
  ['value', 'DOUBLE'],
  ['row_count', 'INTEGER'],
  ['fraud_rows', 'INTEGER'],
  ['flagged_rows', 'INTEGER'],
  ['fraud_share', 'DOUBLE'],
  ['score', 'DOUBLE'],
  ['row_share', 'DOUBLE'],
  ['fraud_rate', 'DOUBLE'],
  ['fraud_rate_rest', 'DOUBLE'],
  ['labelled_rows', 'INTEGER'],
  ['drawback_rows', 'INTEGER'],
  ['drawback_value', 'DOUBLE'],
  ['circular', 'BOOLEAN'],
  ['reason', 'VARCHAR'],
];

/** One SELECT in the wide shape: the given expressions, typed NULL for every other column. */
function wide(part: string, exprs: Record<string, string>, rest: string): string {
  const cols = WIDE.map(([name, type]) =>
    name === 'part' ? `${stringLiteral(part)} AS part` : `CAST(${exprs[name] ?? 'NULL'} AS ${type}) AS ${ident(name)}`,
  );
  return `SELECT ${cols.join(', ')} ${rest}`;
}

/** Period number (months or quarters since year 0) of a DATE, and its label back from the number. */
function periodIndex(d: string, period: SupplyChainOptions['period']): string {
  return period === 'month' ? `(year(${d}) * 12 + month(${d}) - 1)` : `(year(${d}) * 4 + quarter(${d}) - 1)`;
}
function periodLabel(pi: string, period: SupplyChainOptions['period']): string {
  return period === 'month'
    ? `printf('%04d-%02d', ${pi} // 12, ${pi} % 12 + 1)`
    : `printf('%d-Q%d', ${pi} // 4, ${pi} % 4 + 1)`;
}

const bool = (col: string) => `coalesce(TRY_CAST(${ident(col)} AS BOOLEAN), false)`;
const text = (col: string) => `coalesce(CAST(${ident(col)} AS VARCHAR), '?')`;
const share = (part: string, whole: string) => `CASE WHEN ${whole} > 0 THEN round(${part} / ${whole}, 4) END`;
/** Amounts in reasons with thousands separators: 1,234,567원. */
const won = (v: string) => `format('{:,}', CAST(round(${v}) AS BIGINT)) || '원'`;

export function supplyChainSql(o: SupplyChainOptions): string {
  const chosen = STAGES.filter((s) => o.columns[s]);
  const stageExpr = (s: Stage) =>
    s === 'hs' ? `left(regexp_replace(${text(o.columns.hs!)}, '[^0-9]', '', 'g'), ${o.hsDigits})` : text(o.columns[s]!);
  const hasFraud = Boolean(o.fraud);
  const m = o.measure === 'value' && o.value ? 'amt' : '1.0';
  // Full route (who brought what from where through where) for circumvention and new routes; volume shifts are
  // judged on the country route (and office) because one importer's monthly series is too sparse to be robust.
  const routeStages = chosen.filter((s) => s !== 'hs');
  const shiftStages = routeStages.filter((s) => s !== 'importer');
  const key = (stages: Stage[]) => `concat_ws(chr(31), ${stages.map((s) => `s_${s}`).join(', ')})`;
  const routeText = (stages: Stage[]) => stages.map((s) => `s_${s}`).join(` || ' → ' || `);
  const routeCols = (stages: Stage[]) =>
    Object.fromEntries(
      (['origin', 'departure', 'office', 'importer'] as const).map((s) => [
        s,
        stages.includes(s) ? `any_value(s_${s})` : 'NULL',
      ]),
    );
  const since = o.since ? `DATE ${literal(o.since)}` : `(SELECT date_trunc('year', max(d))::DATE FROM base)`;
  const pi = periodIndex('d', o.period);
  const fraudRows = hasFraud ? 'count(*) FILTER (WHERE fraud)' : 'NULL';

  const ctes = [
    `base AS (SELECT ${chosen.map((s) => `${stageExpr(s)} AS s_${s}`).join(', ')},
      ${o.value ? `coalesce(TRY_CAST(${ident(o.value)} AS DOUBLE), 0)` : '0.0'} AS amt,
      ${o.fta ? bool(o.fta) : 'false'} AS fta,
      ${o.fraud ? `TRY_CAST(${ident(o.fraud)} AS BOOLEAN)` : 'CAST(NULL AS BOOLEAN)'} AS fraud,
      TRY_CAST(${ident(o.date)} AS DATE) AS d
      FROM ${o.relation})`,
    `cut AS (SELECT ${since} AS since)`,
    `rows_ AS (SELECT base.*, ${m} AS m, ${pi} AS pi, ${key(routeStages)} AS rk, ${key(shiftStages)} AS sk,
      d >= (SELECT since FROM cut) AS win FROM base WHERE d IS NOT NULL)`,
    `win AS (SELECT * FROM rows_ WHERE win)`,
    // Top stage values by weight inside the window; the rest are lumped as OTHER.
    ...chosen.map(
      (s) => `top_${s} AS (SELECT s_${s} AS k FROM win GROUP BY 1 ORDER BY sum(m) DESC, 1 LIMIT ${o.topPerStage})`,
    ),
    `lumped AS (SELECT *, ${chosen
      .map((s) => `CASE WHEN s_${s} IN (SELECT k FROM top_${s}) THEN s_${s} ELSE ${stringLiteral(OTHER)} END AS l_${s}`)
      .join(', ')} FROM win)`,
    // Volume shifts: each country route's series per period, gaps filled with zero from its first period.
    `rp AS (SELECT sk, pi, any_value(${routeText(shiftStages)}) AS label, ${Object.entries(routeCols(shiftStages))
      .map(([k, v]) => `${v} AS ${k}`)
      .join(', ')}, sum(m) AS m, count(*) AS n, count(*) FILTER (WHERE fraud) AS f, count(fraud) AS lab
      FROM rows_ GROUP BY sk, pi)`,
    `span AS (SELECT sk, min(pi) AS p0, any_value(label) AS label, any_value(origin) AS origin,
      any_value(departure) AS departure, any_value(office) AS office FROM rp GROUP BY sk)`,
    `grid AS (SELECT span.*, unnest(range(p0, (SELECT max(pi) FROM rows_) + 1)) AS pi FROM span)`,
    `series AS (SELECT g.*, coalesce(rp.m, 0) AS m, coalesce(rp.n, 0) AS n, coalesce(rp.f, 0) AS f,
      coalesce(rp.lab, 0) AS lab,
      ln(1 + coalesce(rp.m, 0)) - ln(1 + lag(coalesce(rp.m, 0)) OVER w) AS dl,
      lag(coalesce(rp.n, 0)) OVER w AS prev_n, lag(coalesce(rp.m, 0)) OVER w AS prev_m
      FROM grid g LEFT JOIN rp ON rp.sk = g.sk AND rp.pi = g.pi WINDOW w AS (PARTITION BY g.sk ORDER BY g.pi))`,
    `med AS (SELECT sk, median(dl) AS med, count(dl) AS k FROM series GROUP BY sk)`,
    `spread AS (SELECT s.sk, any_value(med.med) AS med, any_value(med.k) AS k,
      1.4826 * median(abs(s.dl - med.med)) AS mad, 1.2533 * avg(abs(s.dl - med.med)) AS meanad
      FROM series s JOIN med ON med.sk = s.sk WHERE s.dl IS NOT NULL GROUP BY s.sk)`,
    `shifts AS (SELECT s.*, (s.dl - sp.med) / CASE WHEN sp.mad > 0 THEN sp.mad ELSE sp.meanad END AS z
      FROM series s JOIN spread sp ON sp.sk = s.sk
      WHERE sp.k >= ${o.minPeriods} AND (sp.mad > 0 OR sp.meanad > 0) AND s.dl IS NOT NULL
        AND greatest(s.n, s.prev_n) >= ${o.minRows}
        AND s.pi >= (SELECT ${periodIndex('since', o.period)} FROM cut)
        AND abs((s.dl - sp.med) / CASE WHEN sp.mad > 0 THEN sp.mad ELSE sp.meanad END) >= ${o.zThreshold})`,
    `ref_routes AS (SELECT DISTINCT rk FROM rows_ WHERE NOT win)`,
    `has_ref AS (SELECT count(*) > 0 AS yes FROM ref_routes)`,
    `flagged AS (SELECT win.*, fta AND s_origin <> s_departure AS is_circumvention,
      (SELECT yes FROM has_ref) AND rk NOT IN (SELECT rk FROM ref_routes) AS is_new_route,
      EXISTS (SELECT 1 FROM shifts sh WHERE sh.sk = win.sk AND sh.pi = win.pi) AS is_volume_shift,
      s_origin <> s_departure AS is_departure_differs FROM win)`,
  ];

  const stagePairs = chosen.slice(1).map((t, i) => [chosen[i]!, t] as const);
  const flows = stagePairs.map(([a, b]) =>
    wide(
      'flow',
      {
        source_stage: stringLiteral(a),
        source: `l_${a}`,
        target_stage: stringLiteral(b),
        target: `l_${b}`,
        weight: 'sum(m)',
        value: o.value ? 'sum(amt)' : 'NULL',
        row_count: 'count(*)',
        fraud_rows: fraudRows,
        flagged_rows: o.fta ? 'count(*) FILTER (WHERE fta AND s_origin <> s_departure)' : 'NULL',
      },
      `FROM lumped GROUP BY l_${a}, l_${b}`,
    ),
  );

  // Country routes without lumping, for the flow map (a few hundred pairs at most).
  const routes = wide(
    'route',
    {
      origin: 's_origin',
      departure: 's_departure',
      weight: 'sum(m)',
      value: o.value ? 'sum(amt)' : 'NULL',
      row_count: 'count(*)',
      fraud_rows: fraudRows,
      flagged_rows: o.fta ? 'count(*) FILTER (WHERE fta AND s_origin <> s_departure)' : 'NULL',
    },
    'FROM win GROUP BY s_origin, s_departure',
  );

  const anomalyCommon = (code: Anomaly) => ({
    anomaly: stringLiteral(code),
    anomaly_ko: stringLiteral(ANOMALIES[code]),
    row_count: 'count(*)',
    value: o.value ? 'sum(amt)' : 'NULL',
    weight: 'sum(m)',
    fraud_rows: fraudRows,
    fraud_share: hasFraud ? share('count(*) FILTER (WHERE fraud)', 'count(fraud)') : 'NULL',
  });
  const valueText = o.value ? ` · 신고금액 ' || ${won('sum(amt)')} || '` : '';
  const anomalies = [
    o.fta
      ? wide(
          'anomaly',
          {
            ...anomalyCommon('circumvention'),
            ...routeCols(routeStages),
            period: `strftime(min(d), '%Y-%m-%d') || '~' || strftime(max(d), '%Y-%m-%d')`,
            reason: `'원산지 ' || any_value(s_origin) || ' 물품이 ' || any_value(s_departure) || '에서 출발했는데 FTA 협정세율을 신청했습니다 (제3국 경유 우회수입 의심): ' || format('{:,}', count(*)) || '건${valueText}'`,
          },
          `FROM win WHERE fta AND s_origin <> s_departure GROUP BY rk`,
        )
      : null,
    wide(
      'anomaly',
      {
        ...anomalyCommon('new_route'),
        ...routeCols(routeStages),
        period: `strftime(min(d), '%Y-%m-%d')`,
        reason: `'기준 기간(' || strftime((SELECT since FROM cut), '%Y-%m-%d') || ' 이전)에 없던 경로입니다: ' || any_value(${routeText(routeStages)}) || ', ' || strftime(min(d), '%Y-%m-%d') || ' 처음, ' || format('{:,}', count(*)) || '건${valueText}'`,
      },
      `FROM win WHERE (SELECT yes FROM has_ref) AND rk NOT IN (SELECT rk FROM ref_routes) GROUP BY rk`,
    ),
    wide(
      'anomaly',
      {
        anomaly: stringLiteral('volume_shift'),
        anomaly_ko: stringLiteral(ANOMALIES.volume_shift),
        origin: 'origin',
        departure: 'departure',
        office: 'office',
        period: periodLabel('pi', o.period),
        row_count: 'n',
        weight: 'm',
        value: o.value ? 'm' : 'NULL',
        fraud_rows: hasFraud ? 'f' : 'NULL',
        fraud_share: hasFraud ? share('f', 'lab') : 'NULL',
        score: 'round(z, 2)',
        reason: `label || ' 경로의 ' || ${periodLabel('pi', o.period)} || ' 물량이 직전 ${o.period === 'month' ? '달' : '분기'}보다 ' || CASE WHEN z > 0 THEN '급증' ELSE '급감' END || '했습니다: ' || format('{:,}', prev_n) || '건 → ' || format('{:,}', n) || '건 (강건 표준점수 ' || printf('%.1f', z) || ')'`,
      },
      `FROM shifts`,
    ),
  ].filter((s): s is string => s !== null);

  const summaryOf = (code: Anomaly, condition: string) => {
    const flag = `(${condition})`;
    return wide(
      'summary',
      {
        anomaly: stringLiteral(code),
        anomaly_ko: stringLiteral(ANOMALIES[code]),
        row_count: `count(*) FILTER (WHERE ${flag})`,
        row_share: share(`count(*) FILTER (WHERE ${flag})`, 'count(*)'),
        // How many flagged declarations have a known result: the base of fraud_rate.
        labelled_rows: hasFraud ? `count(fraud) FILTER (WHERE ${flag})` : 'NULL',
        fraud_rate: hasFraud
          ? share(`count(*) FILTER (WHERE ${flag} AND fraud)`, `count(fraud) FILTER (WHERE ${flag})`)
          : 'NULL',
        fraud_rate_rest: hasFraud
          ? share(`count(*) FILTER (WHERE NOT ${flag} AND fraud)`, `count(fraud) FILTER (WHERE NOT ${flag})`)
          : 'NULL',
      },
      `FROM flagged`,
    );
  };
  const anyFlag = `is_new_route OR is_volume_shift${o.fta ? ' OR is_circumvention' : ''}`;
  const summaries = [
    o.fta ? summaryOf('circumvention', 'is_circumvention') : null,
    summaryOf('new_route', 'is_new_route'),
    summaryOf('volume_shift', 'is_volume_shift'),
    summaryOf('departure_differs', 'is_departure_differs'),
    summaryOf('any', anyFlag),
  ].filter((s): s is string => s !== null);

  const parts = [...flows, routes, ...anomalies, ...summaries];
  if (o.chain) {
    const c = o.chain;
    ctes.push(
      `chain_rows AS (SELECT ${text(c.seller)} AS seller, ${text(c.buyer)} AS buyer,
        ${c.amount ? `coalesce(TRY_CAST(${ident(c.amount)} AS DOUBLE), 0)` : '0.0'} AS amt,
        ${c.drawback ? bool(c.drawback) : 'false'} AS drawback FROM ${c.relation})`,
      `chain_pairs AS (SELECT seller, buyer, count(*) AS n, sum(amt) AS amt,
        count(*) FILTER (WHERE drawback) AS dn, coalesce(sum(amt) FILTER (WHERE drawback), 0) AS damt
        FROM chain_rows GROUP BY seller, buyer)`,
    );
    parts.push(
      wide(
        'chain',
        {
          seller: 'a.seller',
          buyer: 'a.buyer',
          row_count: 'a.n',
          value: 'a.amt',
          drawback_rows: 'a.dn',
          drawback_value: 'a.damt',
          // Goods sold back up the chain (A→B and B→A) with drawback are the planted circular trades.
          circular: 'b.seller IS NOT NULL',
          reason: `CASE WHEN b.seller IS NOT NULL AND a.dn > 0 THEN '되파는 거래(' || a.buyer || '→' || a.seller || ')가 있는데 환급을 신청했습니다: 환급 신청 ' || ${won('a.damt')} ELSE NULL END`,
        },
        `FROM chain_pairs a LEFT JOIN chain_pairs b ON b.seller = a.buyer AND b.buyer = a.seller`,
      ),
    );
  }
  return `WITH ${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}
